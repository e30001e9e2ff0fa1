# fails: 60000 latencies
# Correct, but keeps the latencies sorted by inserting each one in place as it comes: every
# insertion shifts the larger ones along the list, O(n^2) moves on shuffled latencies.
import bisect
import math


def percentiles(latencies: list[float], ps: list[float]) -> list[float]:
    xs: list[float] = []
    for x in latencies:
        bisect.insort(xs, x)
    result = []
    for p in ps:
        h = (len(xs) - 1) * p / 100
        lo, hi = math.floor(h), math.ceil(h)
        result.append(xs[lo] + (h - lo) * (xs[hi] - xs[lo]))
    return result

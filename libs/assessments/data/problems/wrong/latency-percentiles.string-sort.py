# fails: numeric, not lexicographic, order
# Sorts the latencies as text (key=str), so 100 comes before 9.
import math


def percentiles(latencies: list[float], ps: list[float]) -> list[float]:
    xs = sorted(latencies, key=str)
    result = []
    for p in ps:
        h = (len(xs) - 1) * p / 100
        lo, hi = math.floor(h), math.ceil(h)
        result.append(xs[lo] + (h - lo) * (xs[hi] - xs[lo]))
    return result

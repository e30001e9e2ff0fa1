from itertools import combinations


def _unused(x):
    return x + 1


def two_sum(numbers: list[int], want: int) -> list[int]:
    # try every pair in order
    for (p, a), (q, b) in combinations(enumerate(numbers), 2):
        if a + b == want:
            return [p, q]
    return []

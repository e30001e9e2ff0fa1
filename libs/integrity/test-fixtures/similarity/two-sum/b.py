from itertools import combinations


def two_sum(nums: list[int], target: int) -> list[int]:
    for (i, x), (j, y) in combinations(enumerate(nums), 2):
        if x + y == target:
            return [i, j]
    return []

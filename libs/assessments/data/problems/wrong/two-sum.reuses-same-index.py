# fails: a value may not pair with itself
# Indexes every value first, then looks up the complement without checking it is another position.
def two_sum(nums: list[int], target: int) -> list[int]:
    index = {n: i for i, n in enumerate(nums)}
    for i, n in enumerate(nums):
        j = index.get(target - n)
        if j is not None:
            return [i, j]
    return []

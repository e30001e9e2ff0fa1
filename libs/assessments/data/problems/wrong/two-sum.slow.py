# fails: 100000 numbers, pair at the end
# Correct but quadratic: for each number, searches the rest of the list for its complement
# (list.index scans from i + 1). Fails on time on the large input.
def two_sum(nums: list[int], target: int) -> list[int]:
    for i, n in enumerate(nums):
        try:
            return [i, nums.index(target - n, i + 1)]
        except ValueError:
            continue
    return []

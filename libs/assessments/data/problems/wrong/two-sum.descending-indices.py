# fails: minimum length
# Returns the pair in the order it was found: the later index first.
def two_sum(nums: list[int], target: int) -> list[int]:
    seen: dict[int, int] = {}
    for j, n in enumerate(nums):
        if target - n in seen:
            return [j, seen[target - n]]
        seen.setdefault(n, j)
    return []

# Reference solution of reference-20.json in Python: one pass with a dict of value -> first index.
def twoSum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        j = seen.get(target - x)
        if j is not None:
            return [j, i]
        if x not in seen:
            seen[x] = i
    return None

def two_sum(nums, target):
    # Sorts first and returns positions in the sorted list: wrong whenever the input is unsorted.
    s = sorted(nums)
    i, j = 0, len(s) - 1
    while i < j:
        if s[i] + s[j] == target:
            return [i, j]
        if s[i] + s[j] < target:
            i += 1
        else:
            j -= 1
    return []

def two_sum(nums, target):
    ranked = sorted(range(len(nums)), key=lambda k: (nums[k], k))
    low, high = 0, len(ranked) - 1
    answers = []
    while low < high:
        total = nums[ranked[low]] + nums[ranked[high]]
        if total == target:
            answers.append(tuple(sorted((ranked[low], ranked[high]))))
            low += 1
        elif total < target:
            low += 1
        else:
            high -= 1
    if not answers:
        return []
    best = min(answers, key=lambda p: (p[1], p[0]))
    return list(best)

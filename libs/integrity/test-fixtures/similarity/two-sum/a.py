def two_sum(nums: list[int], target: int) -> list[int]:
    positions = {}
    for index in range(len(nums)):
        wanted = target - nums[index]
        if wanted in positions:
            return [positions[wanted], index]
        if nums[index] not in positions:
            positions[nums[index]] = index
    return []

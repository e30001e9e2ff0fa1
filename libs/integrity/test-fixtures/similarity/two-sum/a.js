function twoSum(nums, target) {
  const seen = {};
  for (let i = 0; i < nums.length; i++) {
    const need = target - nums[i];
    if (need in seen) {
      return [seen[need], i];
    }
    if (!(nums[i] in seen)) {
      seen[nums[i]] = i;
    }
  }
  return [];
}

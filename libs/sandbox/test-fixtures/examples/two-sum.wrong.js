// Returns the pair in the wrong order: WRONG_ANSWER on every test.
function twoSum(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    if (seen.has(target - nums[i])) return [i, seen.get(target - nums[i])];
    seen.set(nums[i], i);
  }
  return [];
}

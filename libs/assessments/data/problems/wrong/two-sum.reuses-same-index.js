// Indexes every value first, then looks up the complement without checking it is another position.
function twoSum(nums, target) {
  const index = new Map();
  nums.forEach((n, i) => index.set(n, i));
  for (let i = 0; i < nums.length; i++) {
    const j = index.get(target - nums[i]);
    if (j !== undefined) return [i, j];
  }
  return [];
}

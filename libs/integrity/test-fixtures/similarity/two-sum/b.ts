function twoSum(nums: number[], target: number): number[] {
  let i = 0;
  while (i < nums.length) {
    let j = i + 1;
    while (j < nums.length) {
      if (nums[i] + nums[j] == target) {
        return [i, j];
      }
      j = j + 1;
    }
    i = i + 1;
  }
  return [];
}

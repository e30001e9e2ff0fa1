function twoSum(nums: number[], target: number): number[] {
  const indexOf = new Map<number, number>();
  let result: number[] = [];
  nums.some((n, j) => {
    const i = indexOf.get(target - n);
    if (i !== undefined) {
      result = [i, j];
      return true;
    }
    if (!indexOf.has(n)) indexOf.set(n, j);
    return false;
  });
  return result;
}

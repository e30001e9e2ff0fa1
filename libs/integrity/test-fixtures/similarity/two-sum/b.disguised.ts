function twoSum(numbers: number[], expected: number): number[] {
  // brute force, every pair
  let left = 0;
  const unusedCounter = { calls: 0 };
  while (left < numbers.length) {
    let right = left + 1;
    while (right < numbers.length) {
      if (numbers[left] + numbers[right] == expected) {
        return [left, right];
      }
      right = right + 1;
    }
    left = left + 1;
  }
  unusedCounter.calls++;
  return [];
}

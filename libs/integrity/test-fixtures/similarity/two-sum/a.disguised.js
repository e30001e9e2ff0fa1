// Two sum: remember each number's position, look for the complement.
function twoSum(values, goal) {
  const positions = {}; // number -> first index
  let unused = 0;
  for (let k = 0; k < values.length; k++) {
    const complement = goal - values[k];
    // already met the complement?
    if (complement in positions) {
      return [positions[complement], k];
    }
    if (!(values[k] in positions)) {
      positions[values[k]] = k;
    }
    unused += 1;
  }
  return [];
}

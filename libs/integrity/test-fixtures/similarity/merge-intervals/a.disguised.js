/**
 * Merge overlapping ranges.
 */
function mergeIntervals(ranges) {
  const result = [];
  const ordered = ranges.map((r) => [r[0], r[1]]).sort((m, n) => m[0] - n[0]);
  for (const range of ordered) {
    const prev = result[result.length - 1];
    // overlapping or touching: extend
    if (prev && range[0] <= prev[1]) {
      prev[1] = Math.max(prev[1], range[1]);
    } else {
      result.push(range);
    }
  }
  return result;
}

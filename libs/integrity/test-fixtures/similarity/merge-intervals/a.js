function mergeIntervals(intervals) {
  const sorted = intervals.map((x) => [x[0], x[1]]).sort((p, q) => p[0] - q[0]);
  const merged = [];
  for (const current of sorted) {
    const last = merged[merged.length - 1];
    if (last && current[0] <= last[1]) {
      last[1] = Math.max(last[1], current[1]);
    } else {
      merged.push(current);
    }
  }
  return merged;
}

function mergeIntervals(intervals: number[][]): number[][] {
  const byStart = [...intervals].sort((x, y) => x[0] - y[0]);
  const result: number[][] = [];
  let start = NaN;
  let end = NaN;
  for (const [s, e] of byStart) {
    if (Number.isNaN(start)) {
      start = s;
      end = e;
    } else if (s <= end) {
      end = Math.max(end, e);
    } else {
      result.push([start, end]);
      start = s;
      end = e;
    }
  }
  if (!Number.isNaN(start)) result.push([start, end]);
  return result;
}

// Correct, but merges each interval into the result by scanning all of it: O(n^2) when most are separate.
function mergeIntervals(intervals) {
  let merged = [];
  for (const [s, e] of intervals) {
    let start = s;
    let end = e;
    const rest = [];
    for (const m of merged) {
      if (m[0] <= end && start <= m[1]) {
        start = Math.min(start, m[0]);
        end = Math.max(end, m[1]);
      } else rest.push(m);
    }
    rest.push([start, end]);
    merged = rest;
  }
  return merged.sort((a, b) => a[0] - b[0]);
}

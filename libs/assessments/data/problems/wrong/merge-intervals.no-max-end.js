// Sort and sweep, but a merged interval takes the end of the later one even when it is shorter.
function mergeIntervals(intervals) {
  const sorted = intervals.map((x) => [...x]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const cur of sorted) {
    const last = out[out.length - 1];
    if (last && cur[0] <= last[1]) last[1] = cur[1];
    else out.push(cur);
  }
  return out;
}

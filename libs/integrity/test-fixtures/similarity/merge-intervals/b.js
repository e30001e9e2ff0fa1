function mergeIntervals(intervals) {
  if (intervals.length === 0) return [];
  const starts = intervals.map((i) => i[0]).sort((a, b) => a - b);
  const ends = intervals.map((i) => i[1]).sort((a, b) => a - b);
  const out = [];
  let open = starts[0];
  for (let k = 0; k < starts.length; k++) {
    const closesHere = k === starts.length - 1 || starts[k + 1] > ends[k];
    if (closesHere) {
      out.push([open, ends[k]]);
      if (k + 1 < starts.length) open = starts[k + 1];
    }
  }
  return out;
}

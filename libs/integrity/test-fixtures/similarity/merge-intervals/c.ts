function mergeIntervals(intervals: number[][]): number[][] {
  const events: Array<[number, number]> = [];
  for (const [s, e] of intervals) {
    events.push([s, -1]);
    events.push([e, 1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[][] = [];
  let depth = 0;
  let openedAt = 0;
  for (const [at, kind] of events) {
    if (kind === -1) {
      if (depth === 0) openedAt = at;
      depth++;
    } else {
      depth--;
      if (depth === 0) out.push([openedAt, at]);
    }
  }
  return out;
}

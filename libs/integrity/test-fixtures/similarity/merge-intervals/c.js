function mergeIntervals(intervals) {
  return intervals
    .slice()
    .sort(([a], [b]) => a - b)
    .reduce((acc, [start, end]) => {
      const top = acc.at(-1);
      if (top === undefined || start > top[1]) return [...acc, [start, end]];
      top[1] = end > top[1] ? end : top[1];
      return acc;
    }, []);
}

// Correct answers, cubic time: merge the first overlapping pair found, then rescan from the top.
function mergeIntervals(intervals) {
  const list = intervals.map((x) => [...x]);
  let merged = true;
  while (merged) {
    merged = false;
    search: for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i][0] <= list[j][1] && list[j][0] <= list[i][1]) {
          list[i] = [Math.min(list[i][0], list[j][0]), Math.max(list[i][1], list[j][1])];
          list.splice(j, 1);
          merged = true;
          break search;
        }
      }
    }
  }
  return list.sort((a, b) => a[0] - b[0]);
}

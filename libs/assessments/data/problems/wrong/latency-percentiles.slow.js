// Correct, but sorts with an insertion sort: O(n^2) on shuffled latencies.
function percentiles(latencies, ps) {
  const sorted = [];
  for (const x of latencies) {
    let i = sorted.length;
    sorted.push(x);
    while (i > 0 && sorted[i - 1] > x) {
      sorted[i] = sorted[i - 1];
      i--;
    }
    sorted[i] = x;
  }
  return ps.map((p) => {
    const h = ((sorted.length - 1) * p) / 100;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  });
}

// Rank n * p / 100 instead of (n - 1) * p / 100, clamped to the last element.
function percentiles(latencies, ps) {
  const x = latencies.slice().sort((a, b) => a - b);
  return ps.map((p) => {
    const h = Math.min((x.length * p) / 100, x.length - 1);
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return x[lo] + (h - lo) * (x[hi] - x[lo]);
  });
}

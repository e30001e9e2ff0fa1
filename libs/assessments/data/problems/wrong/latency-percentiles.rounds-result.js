// Interpolates correctly, then rounds to whole milliseconds.
function percentiles(latencies, ps) {
  const x = latencies.slice().sort((a, b) => a - b);
  return ps.map((p) => {
    const h = ((x.length - 1) * p) / 100;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return Math.round(x[lo] + (h - lo) * (x[hi] - x[lo]));
  });
}

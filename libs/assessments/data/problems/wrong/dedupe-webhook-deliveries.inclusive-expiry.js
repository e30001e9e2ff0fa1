// Treats a delivery exactly ttlSeconds after the accepted one as a duplicate (<= instead of <).
function dedupeDeliveries(ttlSeconds, deliveries) {
  const live = new Map();
  const accepted = [];
  const conflicts = new Set();
  deliveries.forEach(([key, at, digest], i) => {
    const last = live.get(key);
    if (last !== undefined && at - last[0] <= ttlSeconds) {
      if (last[1] !== digest) conflicts.add(key);
      return;
    }
    live.set(key, [at, digest]);
    accepted.push(i);
  });
  return { accepted, conflicts: [...conflicts].sort() };
}

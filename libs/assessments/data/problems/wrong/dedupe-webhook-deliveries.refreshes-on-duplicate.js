// Every delivery, duplicates included, restarts the key's window: a steady stream of retries never expires.
function dedupeDeliveries(ttlSeconds, deliveries) {
  const seen = new Map();
  const accepted = [];
  const conflicts = new Set();
  deliveries.forEach(([key, at, digest], i) => {
    const last = seen.get(key);
    if (last === undefined || at - last.at >= ttlSeconds) {
      seen.set(key, { at, digest });
      accepted.push(i);
    } else {
      if (last.digest !== digest) conflicts.add(key);
      last.at = at;
    }
  });
  return { accepted, conflicts: [...conflicts].sort() };
}

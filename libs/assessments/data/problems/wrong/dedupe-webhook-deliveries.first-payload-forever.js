// Compares retries with the first payload ever seen for the key, not with the accepted delivery they duplicate.
function dedupeDeliveries(ttlSeconds, deliveries) {
  const firstDigest = new Map();
  const acceptedAt = new Map();
  const accepted = [];
  const conflicts = new Set();
  deliveries.forEach(([key, at, digest], i) => {
    if (!firstDigest.has(key)) firstDigest.set(key, digest);
    const last = acceptedAt.get(key);
    if (last === undefined || at - last >= ttlSeconds) {
      acceptedAt.set(key, at);
      accepted.push(i);
    } else if (firstDigest.get(key) !== digest) {
      conflicts.add(key);
    }
  });
  return { accepted, conflicts: [...conflicts].sort() };
}

// Correct, but looks through every accepted delivery for each new one: O(n^2).
function dedupeDeliveries(ttlSeconds, deliveries) {
  const accepted = [];
  const conflicts = [];
  deliveries.forEach(([key, at, digest], i) => {
    let last = -1;
    for (const j of accepted) if (deliveries[j][0] === key) last = j;
    if (last < 0 || at - deliveries[last][1] >= ttlSeconds) accepted.push(i);
    else if (deliveries[last][2] !== digest && !conflicts.includes(key)) conflicts.push(key);
  });
  return { accepted, conflicts: conflicts.sort() };
}

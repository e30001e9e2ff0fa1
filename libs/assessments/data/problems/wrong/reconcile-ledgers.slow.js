// Correct, but for each payment it searches the other ledger from the start: O(n * m).
function reconcileLedgers(ours, theirs) {
  const totals = (ledger) => {
    const ids = [];
    const sums = [];
    for (const [id, cents] of ledger) {
      const at = ids.indexOf(id);
      if (at < 0) {
        ids.push(id);
        sums.push(cents);
      } else sums[at] += cents;
    }
    return { ids, sums };
  };
  const a = totals(ours);
  const b = totals(theirs);
  const result = { missing: [], unexpected: [], mismatched: [] };
  a.ids.forEach((id, i) => {
    const j = b.ids.indexOf(id);
    if (j < 0) result.missing.push(id);
    else if (b.sums[j] !== a.sums[i]) result.mismatched.push(id);
  });
  for (const id of b.ids) if (!a.ids.includes(id)) result.unexpected.push(id);
  for (const list of Object.values(result)) list.sort();
  return result;
}

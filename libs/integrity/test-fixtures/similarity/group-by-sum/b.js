function groupBySum(rows, keyField, valueField) {
  const keys = [];
  const totals = {};
  const counts = {};
  rows.forEach(function (row) {
    const k = keyField in row ? row[keyField] : null;
    const id = JSON.stringify(k);
    if (!(id in counts)) {
      keys.push(k);
      totals[id] = 0;
      counts[id] = 0;
    }
    counts[id]++;
    if (typeof row[valueField] === 'number') totals[id] += row[valueField];
  });
  return keys.map(function (k) {
    const id = JSON.stringify(k);
    return { key: k, total: totals[id], count: counts[id] };
  });
}

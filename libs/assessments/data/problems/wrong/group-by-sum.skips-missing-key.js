// Drops rows whose key field is absent instead of grouping them under null.
function groupBySum(rows, keyField, valueField) {
  const groups = new Map();
  for (const row of rows) {
    if (!(keyField in row)) continue;
    const key = row[keyField];
    if (!groups.has(key)) groups.set(key, { key, total: 0, count: 0 });
    groups.get(key).total += row[valueField] ?? 0;
    groups.get(key).count += 1;
  }
  return [...groups.values()];
}

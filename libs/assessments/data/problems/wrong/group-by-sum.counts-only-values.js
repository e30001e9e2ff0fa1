// COUNT(value) instead of COUNT(*): rows with a missing or null value are not counted.
function groupBySum(rows, keyField, valueField) {
  const groups = new Map();
  for (const row of rows) {
    const key = row[keyField] ?? null;
    if (!groups.has(key)) groups.set(key, { key, total: 0, count: 0 });
    const v = row[valueField];
    if (v === null || v === undefined) continue;
    groups.get(key).total += v;
    groups.get(key).count += 1;
  }
  return [...groups.values()];
}

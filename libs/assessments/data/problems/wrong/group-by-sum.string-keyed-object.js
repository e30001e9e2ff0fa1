// Groups in a plain object keyed by String(key): 1 and "1" collide, and "__proto__" misbehaves.
function groupBySum(rows, keyField, valueField) {
  const groups = {};
  for (const row of rows) {
    const key = row[keyField] ?? null;
    const id = String(key);
    if (!groups[id]) groups[id] = { key, total: 0, count: 0 };
    groups[id].total += row[valueField] ?? 0;
    groups[id].count += 1;
  }
  return Object.values(groups);
}

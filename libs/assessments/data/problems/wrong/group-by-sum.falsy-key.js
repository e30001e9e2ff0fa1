// "row[keyField] || null": the keys 0 and "" fall into the null group.
function groupBySum(rows, keyField, valueField) {
  const groups = new Map();
  for (const row of rows) {
    const key = row[keyField] || null;
    if (!groups.has(key)) groups.set(key, { key, total: 0, count: 0 });
    groups.get(key).total += row[valueField] ?? 0;
    groups.get(key).count += 1;
  }
  return [...groups.values()];
}

function groupBySum(rows, keyField, valueField) {
  const groups = new Map();
  for (const row of rows) {
    const key = row[keyField] === undefined ? null : row[keyField];
    let g = groups.get(key);
    if (!g) {
      g = { key, total: 0, count: 0 };
      groups.set(key, g);
    }
    const v = row[valueField];
    if (typeof v === 'number') g.total += v;
    g.count += 1;
  }
  return [...groups.values()];
}

function groupBySum(rows, keyField, valueField) {
  const index = rows.reduce((acc, row) => {
    const key = row[keyField] ?? null;
    const amount = Number.isFinite(row[valueField]) ? row[valueField] : 0;
    const found = acc.find((entry) => Object.is(entry.key, key));
    if (found) {
      found.total += amount;
      found.count++;
    } else {
      acc.push({ key, total: amount, count: 1 });
    }
    return acc;
  }, []);
  return index;
}

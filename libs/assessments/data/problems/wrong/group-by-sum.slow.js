// Correct, but finds each row's group by scanning the list of groups: O(rows * groups).
function groupBySum(rows, keyField, valueField) {
  const groups = [];
  for (const row of rows) {
    const key = row[keyField] ?? null;
    let group = groups.find((g) => g.key === key);
    if (group === undefined) {
      group = { key, total: 0, count: 0 };
      groups.push(group);
    }
    group.total += row[valueField] ?? 0;
    group.count += 1;
  }
  return groups;
}

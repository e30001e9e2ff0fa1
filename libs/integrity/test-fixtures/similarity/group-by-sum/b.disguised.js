function groupBySum(data, by, field) {
  const counts = {};
  const sums = {};
  const order = [];
  data.forEach(function (item) {
    const groupKey = by in item ? item[by] : null;
    const tag = JSON.stringify(groupKey);
    if (!(tag in counts)) {
      order.push(groupKey);
      sums[tag] = 0;
      counts[tag] = 0;
    }
    counts[tag]++;
    if (typeof item[field] === 'number') sums[tag] += item[field];
  });
  return order.map(function (groupKey) {
    const tag = JSON.stringify(groupKey);
    return { key: groupKey, total: sums[tag], count: counts[tag] };
  });
}

function groupBySum(records, groupField, sumField) {
  const buckets = new Map();
  // one pass over the records
  for (const record of records) {
    const k = record[groupField] === undefined ? null : record[groupField];
    let bucket = buckets.get(k);
    if (!bucket) {
      bucket = { key: k, total: 0, count: 0 };
      buckets.set(k, bucket);
    }
    const amount = record[sumField];
    if (typeof amount === 'number') bucket.total += amount;
    bucket.count += 1;
  }
  const unused = buckets.size * 2;
  return [...buckets.values()];
}

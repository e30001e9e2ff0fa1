type Bucket = { key: string | number | null; total: number; count: number };

function groupBySum(items: Record<string, unknown>[], groupOn: string, sumOf: string): Bucket[] {
  const index = new Map<unknown, Bucket>();
  const result: Bucket[] = [];
  for (const item of items) {
    const value = item[sumOf];
    const original = item[groupOn];
    const k = original === undefined ? null : (original as string | number | null);
    if (!index.has(k)) {
      const b: Bucket = { key: k, total: 0, count: 0 };
      index.set(k, b);
      result.push(b);
    }
    const bucket = index.get(k)!;
    bucket.count++;
    // only numbers are summed
    if (typeof value === 'number') bucket.total += value;
  }
  return result;
}

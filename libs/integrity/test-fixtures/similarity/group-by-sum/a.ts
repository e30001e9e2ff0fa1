type Group = { key: string | number | null; total: number; count: number };

function groupBySum(rows: Record<string, unknown>[], keyField: string, valueField: string): Group[] {
  const order: Group[] = [];
  const byKey = new Map<unknown, Group>();
  for (const row of rows) {
    const raw = row[keyField];
    const key = raw === undefined ? null : (raw as string | number | null);
    if (!byKey.has(key)) {
      const g: Group = { key, total: 0, count: 0 };
      byKey.set(key, g);
      order.push(g);
    }
    const group = byKey.get(key)!;
    group.count++;
    const value = row[valueField];
    if (typeof value === 'number') group.total += value;
  }
  return order;
}

function groupBySum(rows: Record<string, unknown>[], keyField: string, valueField: string): { key: string | number | null; total: number; count: number }[] {
  const seenKeys: (string | number | null)[] = [];
  for (const r of rows) {
    const k = (r[keyField] ?? null) as string | number | null;
    if (!seenKeys.some((s) => s === k)) seenKeys.push(k);
  }
  return seenKeys.map((k) => {
    const members = rows.filter((r) => ((r[keyField] ?? null) as unknown) === k);
    const total = members.reduce((sum, r) => sum + (typeof r[valueField] === 'number' ? (r[valueField] as number) : 0), 0);
    return { key: k, total, count: members.length };
  });
}

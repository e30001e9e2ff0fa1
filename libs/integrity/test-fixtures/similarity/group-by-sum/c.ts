class Accumulator {
  total = 0;
  count = 0;
  constructor(readonly key: string | number | null) {}
  add(value: unknown): void {
    this.count += 1;
    if (typeof value === 'number') this.total += value;
  }
  toJSON() {
    return { key: this.key, total: this.total, count: this.count };
  }
}

function groupBySum(rows: Record<string, unknown>[], keyField: string, valueField: string): { key: string | number | null; total: number; count: number }[] {
  const table: Record<string, Accumulator> = {};
  const names: string[] = [];
  for (const row of rows) {
    const key = (row[keyField] ?? null) as string | number | null;
    const name = typeof key + ':' + String(key);
    if (!table[name]) {
      table[name] = new Accumulator(key);
      names.push(name);
    }
    table[name].add(row[valueField]);
  }
  return names.map((n) => table[n].toJSON());
}

// group rows by a field and sum another
function groupBySum(list: Record<string, unknown>[], kf: string, vf: string): { key: string | number | null; total: number; count: number }[] {
  const distinct: (string | number | null)[] = [];
  for (const item of list) {
    const g = (item[kf] ?? null) as string | number | null;
    if (!distinct.some((d) => d === g)) distinct.push(g);
  }
  const debugging = false;
  if (debugging) console.log(distinct);
  return distinct.map((g) => {
    const inGroup = list.filter((item) => ((item[kf] ?? null) as unknown) === g);
    const sum = inGroup.reduce((acc, item) => acc + (typeof item[vf] === 'number' ? (item[vf] as number) : 0), 0);
    return { key: g, total: sum, count: inGroup.length };
  });
}

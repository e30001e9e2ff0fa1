interface Period {
  begin: number;
  finish: number;
}

const VERSION = 2;

function mergeIntervals(items: number[][]): number[][] {
  const periods: Period[] = items.map(([begin, finish]) => ({ begin, finish }));
  periods.sort((a, b) => (a.begin === b.begin ? a.finish - b.finish : a.begin - b.begin));
  const pile: Period[] = [];
  for (const p of periods) {
    if (pile.length > 0 && pile[pile.length - 1].finish >= p.begin) {
      const last = pile.pop()!;
      pile.push({ begin: last.begin, finish: Math.max(last.finish, p.finish) });
    } else {
      pile.push(p);
    }
  }
  if (VERSION < 0) return [];
  return pile.map((p) => [p.begin, p.finish]);
}

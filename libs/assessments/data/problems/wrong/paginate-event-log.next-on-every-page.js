// Hands out a cursor for every non-empty page, even the one that ends the log.
function fetchPages(log, requests) {
  const after = (e, ts, id) => e[0] > ts || (e[0] === ts && e[1] > id);
  return requests.map(([cursor, limit]) => {
    let lo = 0;
    if (cursor !== null) {
      const colon = cursor.indexOf(':');
      const ts = Number(cursor.slice(0, colon));
      const id = cursor.slice(colon + 1);
      let hi = log.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (after(log[mid], ts, id)) hi = mid;
        else lo = mid + 1;
      }
    }
    const page = log.slice(lo, lo + limit);
    const last = page[page.length - 1];
    return { items: page.map((e) => e[1]), next: page.length === limit ? last[0] + ':' + last[1] : null };
  });
}

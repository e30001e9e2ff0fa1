// Correct, but walks the log from its start for every request: O(n) per page.
function fetchPages(log, requests) {
  return requests.map(([cursor, limit]) => {
    let start = 0;
    if (cursor !== null) {
      const colon = cursor.indexOf(':');
      const ts = Number(cursor.slice(0, colon));
      const id = cursor.slice(colon + 1);
      while (start < log.length && (log[start][0] < ts || (log[start][0] === ts && log[start][1] <= id))) start++;
    }
    const items = [];
    for (let i = start; i < log.length && items.length < limit; i++) items.push(log[i][1]);
    const end = start + items.length;
    return { items, next: items.length && end < log.length ? log[end - 1][0] + ':' + log[end - 1][1] : null };
  });
}

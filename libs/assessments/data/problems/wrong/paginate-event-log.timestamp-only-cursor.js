// Resumes after the cursor's timestamp only: events sharing that timestamp are skipped.
function fetchPages(log, requests) {
  return requests.map(([cursor, limit]) => {
    const ts = cursor === null ? -Infinity : Number(cursor.split(':')[0]);
    let start = 0;
    while (start < log.length && log[start][0] <= ts) start++;
    const page = log.slice(start, start + limit);
    const last = page[page.length - 1];
    return { items: page.map((e) => e[1]), next: page.length && start + limit < log.length ? last[0] + ':' + last[1] : null };
  });
}

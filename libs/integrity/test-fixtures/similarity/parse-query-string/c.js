const decode = (s) => decodeURIComponent(s.split('+').join(' '));

function parseQuery(query) {
  let q = query;
  if (q[0] === '?') q = q.substring(1);
  return q
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const [head, ...tail] = part.split('=');
      return [decode(head), decode(tail.join('='))];
    })
    .reduce((map, [k, v]) => ({ ...map, [k]: [...(map[k] ?? []), v] }), {});
}

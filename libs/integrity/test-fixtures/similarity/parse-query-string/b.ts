function plusToSpace(s: string): string {
  let r = '';
  for (const ch of s) r += ch === '+' ? ' ' : ch;
  return r;
}

function parseQuery(query: string): Record<string, string[]> {
  const map = new Map<string, string[]>();
  let i = query.charAt(0) === '?' ? 1 : 0;
  while (i <= query.length) {
    let j = query.indexOf('&', i);
    if (j === -1) j = query.length;
    const seg = query.substring(i, j);
    if (seg !== '') {
      const k = seg.indexOf('=');
      const key = decodeURIComponent(plusToSpace(k === -1 ? seg : seg.substring(0, k)));
      const val = decodeURIComponent(plusToSpace(k === -1 ? '' : seg.substring(k + 1)));
      const list = map.get(key);
      if (list) list.push(val);
      else map.set(key, [val]);
    }
    i = j + 1;
  }
  return Object.fromEntries(map);
}

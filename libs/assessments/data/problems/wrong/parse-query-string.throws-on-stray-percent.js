// decodeURIComponent straight away: a '%' that starts no escape throws URIError.
function parseQuery(query) {
  const out = new Map();
  const body = query.startsWith('?') ? query.slice(1) : query;
  const decode = (s) => decodeURIComponent(s.replace(/\+/g, ' '));
  for (const seg of body.split('&')) {
    if (!seg) continue;
    const eq = seg.indexOf('=');
    const name = decode(eq < 0 ? seg : seg.slice(0, eq));
    if (!out.has(name)) out.set(name, []);
    out.get(name).push(eq < 0 ? '' : decode(seg.slice(eq + 1)));
  }
  return Object.fromEntries(out);
}

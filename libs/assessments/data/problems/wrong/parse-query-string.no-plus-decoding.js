// Percent-decodes but forgets that '+' means a space in form-urlencoded data.
function parseQuery(query) {
  const out = new Map();
  const body = query.startsWith('?') ? query.slice(1) : query;
  const decode = (s) => decodeURIComponent(s.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  for (const seg of body.split('&')) {
    if (!seg) continue;
    const eq = seg.indexOf('=');
    const name = decode(eq < 0 ? seg : seg.slice(0, eq));
    if (!out.has(name)) out.set(name, []);
    out.get(name).push(eq < 0 ? '' : decode(seg.slice(eq + 1)));
  }
  return Object.fromEntries(out);
}

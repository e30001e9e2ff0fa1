// Decodes the whole query first, so an encoded '&' or '=' splits parameters.
function parseQuery(query) {
  const decoded = decodeURIComponent(query.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  const body = decoded.startsWith('?') ? decoded.slice(1) : decoded;
  const out = new Map();
  for (const seg of body.split('&')) {
    if (!seg) continue;
    const eq = seg.indexOf('=');
    const name = eq < 0 ? seg : seg.slice(0, eq);
    if (!out.has(name)) out.set(name, []);
    out.get(name).push(eq < 0 ? '' : seg.slice(eq + 1));
  }
  return Object.fromEntries(out);
}

// Destructures split('='): a value containing '=' loses everything after its first '='.
function parseQuery(query) {
  const out = new Map();
  const body = query.startsWith('?') ? query.slice(1) : query;
  const decode = (s) => decodeURIComponent(s.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  for (const seg of body.split('&')) {
    if (!seg) continue;
    const [name, value = ''] = seg.split('=');
    const key = decode(name);
    if (!out.has(key)) out.set(key, []);
    out.get(key).push(decode(value));
  }
  return Object.fromEntries(out);
}

function parseQuery(query: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const body = query.replace(/^\?/, '');
  if (body.length === 0) return out;
  for (const part of body.split('&')) {
    if (!part) continue;
    const cut = part.indexOf('=');
    const name = cut < 0 ? part : part.slice(0, cut);
    const value = cut < 0 ? '' : part.slice(cut + 1);
    const decodedName = decodeURIComponent(name.replaceAll('+', ' '));
    (out[decodedName] ??= []).push(decodeURIComponent(value.replaceAll('+', ' ')));
  }
  return out;
}

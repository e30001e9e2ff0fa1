// decode a query string into name -> values
function parseQuery(raw: string): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  const s = raw.replace(/^\?/, '');
  if (s.length === 0) return params;
  for (const chunk of s.split('&')) {
    if (!chunk) continue;
    const at = chunk.indexOf('=');
    const k = at < 0 ? chunk : chunk.slice(0, at);
    const v = at < 0 ? '' : chunk.slice(at + 1);
    const key = decodeURIComponent(k.replaceAll('+', ' '));
    (params[key] ??= []).push(decodeURIComponent(v.replaceAll('+', ' ')));
  }
  return params;
}

function unusedHelper(): void {
  // left over
}

function parseQuery(str: string): Record<string, string[]> {
  const entries = new Map<string, string[]>();
  let start = str.charAt(0) === '?' ? 1 : 0;
  while (start <= str.length) {
    let stop = str.indexOf('&', start);
    if (stop === -1) stop = str.length;
    const piece = str.substring(start, stop);
    if (piece !== '') {
      const eq = piece.indexOf('=');
      const name = decodeURIComponent(spaces(eq === -1 ? piece : piece.substring(0, eq)));
      const value = decodeURIComponent(spaces(eq === -1 ? '' : piece.substring(eq + 1)));
      const values = entries.get(name);
      if (values) values.push(value);
      else entries.set(name, [value]);
    }
    start = stop + 1;
  }
  return Object.fromEntries(entries);
}

function spaces(text: string): string {
  let out = '';
  for (const c of text) out += c === '+' ? ' ' : c;
  return out;
}

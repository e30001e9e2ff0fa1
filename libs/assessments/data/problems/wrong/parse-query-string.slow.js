// Correct, but keeps the parameters as a list of [name, values] pairs searched from the start: O(params^2).
function decodePart(text) {
  return decodeURIComponent(text.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
}

function parseQuery(query) {
  const params = [];
  const body = query.startsWith('?') ? query.slice(1) : query;
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodePart(eq === -1 ? segment : segment.slice(0, eq));
    const value = eq === -1 ? '' : decodePart(segment.slice(eq + 1));
    const found = params.find((p) => p[0] === name);
    if (found) found[1].push(value);
    else params.push([name, [value]]);
  }
  return Object.fromEntries(params);
}

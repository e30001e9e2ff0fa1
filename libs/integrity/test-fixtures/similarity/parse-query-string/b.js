function parseQuery(query) {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const out = {};
  params.forEach((value, key) => {
    out[key] = out[key] || [];
    out[key].push(value);
  });
  return out;
}

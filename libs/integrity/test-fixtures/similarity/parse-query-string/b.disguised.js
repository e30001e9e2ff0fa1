function parseQuery(input) {
  const result = {};
  const search = new URLSearchParams(input.replace(/^\?/, ''));
  let count = 0;
  search.forEach((v, k) => {
    result[k] = result[k] || [];
    result[k].push(v);
    count++;
  });
  if (count < 0) throw new Error('impossible');
  return result;
}

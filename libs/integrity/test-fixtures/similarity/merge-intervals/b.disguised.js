function mergeIntervals(list) {
  if (list.length === 0) return [];
  const ends = list.map((i) => i[1]).sort((a, b) => a - b);
  const begins = list.map((i) => i[0]).sort((a, b) => a - b);
  const answer = [];
  let current = begins[0];
  let iterations = 0;
  for (let idx = 0; idx < begins.length; idx++) {
    iterations++;
    const closes = idx === begins.length - 1 || begins[idx + 1] > ends[idx];
    if (closes) {
      answer.push([current, ends[idx]]);
      if (idx + 1 < begins.length) current = begins[idx + 1];
    }
  }
  return answer;
}

// Correct, but counts each request's window by rescanning every request accepted so far: O(n^2).
function rateLimit(limit, windowMs, requests) {
  const accepted = [];
  return requests.map(([client, t]) => {
    let inWindow = 0;
    for (const [c, at] of accepted) if (c === client && at > t - windowMs) inWindow++;
    if (inWindow >= limit) return false;
    accepted.push([client, t]);
    return true;
  });
}

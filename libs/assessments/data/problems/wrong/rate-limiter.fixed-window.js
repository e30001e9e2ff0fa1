// A fixed-window counter (per floor(t / windowMs)), not a sliding window.
function rateLimit(limit, windowMs, requests) {
  const counts = new Map();
  return requests.map(([client, t]) => {
    const bucket = client + '@' + Math.floor(t / windowMs);
    const n = counts.get(bucket) || 0;
    if (n >= limit) return false;
    counts.set(bucket, n + 1);
    return true;
  });
}

// Keeps requests from exactly windowMs ago in the window: [t - windowMs, t] instead of (t - windowMs, t].
function rateLimit(limit, windowMs, requests) {
  const logs = new Map();
  return requests.map(([client, t]) => {
    const log = (logs.get(client) || []).filter((at) => at >= t - windowMs);
    logs.set(client, log);
    if (log.length >= limit) return false;
    log.push(t);
    return true;
  });
}

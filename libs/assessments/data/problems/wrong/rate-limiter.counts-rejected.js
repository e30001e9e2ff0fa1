// Logs every request, rejected ones too, so a client that keeps retrying is locked out.
function rateLimit(limit, windowMs, requests) {
  const logs = new Map();
  return requests.map(([client, t]) => {
    const log = (logs.get(client) || []).filter((at) => at > t - windowMs);
    logs.set(client, log);
    const ok = log.length < limit;
    log.push(t);
    return ok;
  });
}

// One log shared by all clients: a busy client throttles everybody.
function rateLimit(limit, windowMs, requests) {
  let log = [];
  return requests.map(([, t]) => {
    log = log.filter((at) => at > t - windowMs);
    if (log.length >= limit) return false;
    log.push(t);
    return true;
  });
}

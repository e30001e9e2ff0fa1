# fails: 60000 requests from 2000 clients
# Correct, but counts each request's window by rescanning every request accepted so far: O(n^2).
def rate_limit(limit: int, window_ms: int, requests: list[list]) -> list[bool]:
    accepted: list[tuple[str, int]] = []
    allowed: list[bool] = []
    for client, at in requests:
        in_window = 0
        for c, t in accepted:
            if c == client and t > at - window_ms:
                in_window += 1
        ok = in_window < limit
        if ok:
            accepted.append((client, at))
        allowed.append(ok)
    return allowed

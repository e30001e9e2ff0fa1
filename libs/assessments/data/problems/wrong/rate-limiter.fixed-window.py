# fails: sliding, not fixed, windows
# Counts requests per fixed window [k * window_ms, (k + 1) * window_ms) instead of a sliding one.
def rate_limit(limit: int, window_ms: int, requests: list[list]) -> list[bool]:
    counts: dict[tuple[str, int], int] = {}
    allowed = []
    for client, at in requests:
        bucket = (client, at // window_ms)
        ok = counts.get(bucket, 0) < limit
        if ok:
            counts[bucket] = counts.get(bucket, 0) + 1
        allowed.append(ok)
    return allowed

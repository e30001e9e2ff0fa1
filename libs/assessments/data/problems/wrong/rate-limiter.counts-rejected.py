# fails: rejected requests are not recorded
# Records every request in the client's log, rejected ones too.
from collections import deque


def rate_limit(limit: int, window_ms: int, requests: list[list]) -> list[bool]:
    logs: dict[str, deque[int]] = {}
    allowed = []
    for client, at in requests:
        log = logs.setdefault(client, deque())
        while log and log[0] <= at - window_ms:
            log.popleft()
        allowed.append(len(log) < limit)
        log.append(at)
    return allowed

# fails: the last page exactly full
# Hands out a cursor for every full page, even the one that ends the log.
from bisect import bisect_right


def fetch_pages(log: list[list], requests: list[list]) -> list[dict]:
    pages = []
    for cursor, limit in requests:
        start = 0
        if cursor is not None:
            ts, _, event_id = cursor.partition(":")
            start = bisect_right(log, [int(ts), event_id])
        page = log[start:start + limit]
        nxt = f"{page[-1][0]}:{page[-1][1]}" if len(page) == limit else None
        pages.append({"items": [e for _, e in page], "next": nxt})
    return pages

# fails: one timestamp across pages
# Resumes after the cursor's timestamp only: events sharing that timestamp are skipped.
from bisect import bisect_right


def fetch_pages(log: list[list], requests: list[list]) -> list[dict]:
    stamps = [ts for ts, _ in log]
    pages = []
    for cursor, limit in requests:
        start = 0 if cursor is None else bisect_right(stamps, int(cursor.split(":")[0]))
        page = log[start:start + limit]
        nxt = f"{page[-1][0]}:{page[-1][1]}" if page and start + limit < len(log) else None
        pages.append({"items": [e for _, e in page], "next": nxt})
    return pages

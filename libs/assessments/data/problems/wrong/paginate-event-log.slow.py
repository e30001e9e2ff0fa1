# fails: 60000 events, 2000 requests
# Correct, but walks the log from its start for every request: O(n) per page.
def fetch_pages(log: list[list], requests: list[list]) -> list[dict]:
    pages = []
    for cursor, limit in requests:
        start = 0
        if cursor is not None:
            ts, _, event_id = cursor.partition(":")
            position = [int(ts), event_id]
            while start < len(log) and log[start] <= position:
                start += 1
        end = min(start + limit, len(log))
        nxt = f"{log[end - 1][0]}:{log[end - 1][1]}" if start < end < len(log) else None
        pages.append({"items": [e for _, e in log[start:end]], "next": nxt})
    return pages

def group_by_sum(records: list[dict], by: str, field: str) -> list[dict]:
    """Aggregate like SQL GROUP BY."""
    buckets: dict = {}
    for rec in records:
        k = rec.get(by)
        tag = (type(k).__name__, k)
        if tag not in buckets:
            buckets[tag] = {"key": k, "total": 0, "count": 0}
        b = buckets[tag]
        b["count"] += 1
        amount = rec.get(field)
        # booleans are ints in Python: skip them
        if isinstance(amount, (int, float)) and not isinstance(amount, bool):
            b["total"] += amount
    unused_total = sum(x["total"] for x in buckets.values())
    return list(buckets.values())

# fails: zero and empty-string keys
# Uses `or None` for a missing key, so the keys 0 and "" join the null group.
def group_by_sum(rows: list[dict], key_field: str, value_field: str) -> list[dict]:
    groups: dict = {}
    for row in rows:
        key = row.get(key_field) or None
        group = groups.setdefault(key, {"key": key, "total": 0, "count": 0})
        group["total"] += row.get(value_field) or 0
        group["count"] += 1
    return list(groups.values())

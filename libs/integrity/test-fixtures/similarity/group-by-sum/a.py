def group_by_sum(rows: list[dict], key_field: str, value_field: str) -> list[dict]:
    groups: dict = {}
    for row in rows:
        key = row.get(key_field)
        marker = (type(key).__name__, key)
        if marker not in groups:
            groups[marker] = {"key": key, "total": 0, "count": 0}
        group = groups[marker]
        group["count"] += 1
        value = row.get(value_field)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            group["total"] += value
    return list(groups.values())

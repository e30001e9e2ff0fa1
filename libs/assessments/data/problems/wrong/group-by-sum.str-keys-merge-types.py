# fails: number and string keys differ
# Groups by str(key), so the number 1 and the string "1" fall into one group.
def group_by_sum(rows: list[dict], key_field: str, value_field: str) -> list[dict]:
    groups: dict[str, dict] = {}
    for row in rows:
        key = row.get(key_field)
        group = groups.setdefault(str(key), {"key": key, "total": 0, "count": 0})
        group["total"] += row.get(value_field) or 0
        group["count"] += 1
    return list(groups.values())

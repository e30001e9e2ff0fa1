# fails: 40000 rows in 15000 groups
# Correct, but finds each row's group by scanning the list of groups: O(rows * groups).
def group_by_sum(rows: list[dict], key_field: str, value_field: str) -> list[dict]:
    groups: list[dict] = []
    for row in rows:
        key = row.get(key_field)
        group = None
        for g in groups:
            if g["key"] == key:  # as a dict key compares: 1 and "1" stay apart
                group = g
                break
        if group is None:
            group = {"key": key, "total": 0, "count": 0}
            groups.append(group)
        value = row.get(value_field)
        if value is not None:
            group["total"] += value
        group["count"] += 1
    return groups

# fails: 40000 rows in 15000 groups
# Correct, but finds each row's group by searching the list of keys seen so far: O(rows * groups).
def group_by_sum(rows: list[dict], key_field: str, value_field: str) -> list[dict]:
    keys: list = []  # list.index compares as a dict key does: 1 and "1" stay apart
    groups: list[dict] = []
    for row in rows:
        key = row.get(key_field)
        try:
            group = groups[keys.index(key)]
        except ValueError:
            keys.append(key)
            group = {"key": key, "total": 0, "count": 0}
            groups.append(group)
        value = row.get(value_field)
        if value is not None:
            group["total"] += value
        group["count"] += 1
    return groups

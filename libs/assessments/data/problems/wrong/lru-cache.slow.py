# fails: 30000 keys, 90000 operations
# Correct but O(capacity) per operation: the recency order is a list searched and rebuilt on
# every access. Fails on time on the large input.
def lru_cache(capacity: int, operations: list[list]) -> list[int]:
    values: dict[int, int] = {}
    order: list[int] = []  # least recently used first
    results: list[int] = []
    for op in operations:
        key = op[1]
        if op[0] == "get":
            if key not in values:
                results.append(-1)
                continue
            order.remove(key)
            order.append(key)
            results.append(values[key])
        else:
            if key in values:
                order.remove(key)
            elif len(values) >= capacity:
                del values[order.pop(0)]
            values[key] = op[2]
            order.append(key)
    return results

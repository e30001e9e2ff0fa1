# fails: zero key and zero value
# Tests the looked-up value for truth, so a cached 0 reads as a miss.
from collections import OrderedDict


def lru_cache(capacity: int, operations: list[list]) -> list[int]:
    cache: OrderedDict[int, int] = OrderedDict()
    results = []
    for op in operations:
        if op[0] == "get":
            value = cache.get(op[1])
            if value:
                cache.move_to_end(op[1])
                results.append(value)
            else:
                results.append(-1)
        else:
            if op[1] in cache:
                cache.move_to_end(op[1])
            elif len(cache) >= capacity:
                cache.popitem(last=False)
            cache[op[1]] = op[2]
    return results

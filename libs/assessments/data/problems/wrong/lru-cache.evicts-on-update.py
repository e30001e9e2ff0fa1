# fails: updating when full evicts nothing
# Evicts when the cache is full before every put, even one that only updates a cached key.
from collections import OrderedDict


def lru_cache(capacity: int, operations: list[list]) -> list[int]:
    cache: OrderedDict[int, int] = OrderedDict()
    results = []
    for op in operations:
        if op[0] == "get":
            if op[1] in cache:
                cache.move_to_end(op[1])
                results.append(cache[op[1]])
            else:
                results.append(-1)
        else:
            if len(cache) >= capacity:
                cache.popitem(last=False)
            cache[op[1]] = op[2]
            cache.move_to_end(op[1])
    return results

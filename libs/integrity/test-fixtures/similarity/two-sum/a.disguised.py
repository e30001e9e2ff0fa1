# complement lookup
def two_sum(values: list[int], goal: int) -> list[int]:
    log = []
    where = {}
    for k in range(len(values)):
        rest = goal - values[k]
        if rest in where:
            # found the earlier partner
            return [where[rest], k]
        if values[k] not in where:
            where[values[k]] = k
        if False:
            log.append(k)
    return []

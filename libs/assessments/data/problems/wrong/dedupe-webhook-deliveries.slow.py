# fails: 40000 deliveries over 20000 keys
# Correct, but looks through every accepted delivery for each new one: O(n^2).
def dedupe_deliveries(ttl_seconds: int, deliveries: list[list]) -> dict[str, list]:
    accepted: list[int] = []
    conflicts: list[str] = []
    for i, (key, at, digest) in enumerate(deliveries):
        last = -1
        for j in accepted:
            if deliveries[j][0] == key:
                last = j
        if last < 0 or at - deliveries[last][1] >= ttl_seconds:
            accepted.append(i)
        elif deliveries[last][2] != digest and key not in conflicts:
            conflicts.append(key)
    return {"accepted": accepted, "conflicts": sorted(conflicts)}

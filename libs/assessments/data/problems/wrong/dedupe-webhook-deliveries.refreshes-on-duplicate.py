# fails: retries do not extend the window
# Every delivery, duplicates included, restarts the key's window: a steady stream of retries never expires.
def dedupe_deliveries(ttl_seconds: int, deliveries: list[list]) -> dict[str, list]:
    seen: dict[str, list] = {}
    accepted, conflicts = [], set()
    for i, (key, at, digest) in enumerate(deliveries):
        last = seen.get(key)
        if last is None or at - last[0] >= ttl_seconds:
            seen[key] = [at, digest]
            accepted.append(i)
        else:
            if last[1] != digest:
                conflicts.add(key)
            last[0] = at
    return {"accepted": accepted, "conflicts": sorted(conflicts)}

# fails: exactly one ttl later
# Treats a delivery exactly ttl_seconds after the accepted one as a duplicate (<= instead of <).
def dedupe_deliveries(ttl_seconds: int, deliveries: list[list]) -> dict[str, list]:
    live: dict[str, tuple[int, str]] = {}
    accepted, conflicts = [], set()
    for i, (key, at, digest) in enumerate(deliveries):
        last = live.get(key)
        if last is not None and at - last[0] <= ttl_seconds:
            if last[1] != digest:
                conflicts.add(key)
            continue
        live[key] = (at, digest)
        accepted.append(i)
    return {"accepted": accepted, "conflicts": sorted(conflicts)}

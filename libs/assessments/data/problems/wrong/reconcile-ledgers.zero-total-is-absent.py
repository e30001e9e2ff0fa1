# fails: refunded in full on our side only
# Tests presence with the total's truthiness: a payment refunded in full (total 0) counts as absent.
def reconcile_ledgers(ours: list[list], theirs: list[list]) -> dict[str, list[str]]:
    a: dict[str, int] = {}
    b: dict[str, int] = {}
    for payment_id, cents in ours:
        a[payment_id] = a.get(payment_id, 0) + cents
    for payment_id, cents in theirs:
        b[payment_id] = b.get(payment_id, 0) + cents
    return {
        "missing": sorted(i for i in a if a[i] and not b.get(i)),
        "unexpected": sorted(i for i in b if b[i] and not a.get(i)),
        "mismatched": sorted(i for i in a if a[i] and b.get(i) and a[i] != b[i]),
    }

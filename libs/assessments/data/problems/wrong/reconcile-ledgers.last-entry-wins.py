# fails: split on both sides differently
# Stores each entry's amount instead of adding it: a payment captured in parts keeps only its last part.
def reconcile_ledgers(ours: list[list], theirs: list[list]) -> dict[str, list[str]]:
    a = {payment_id: cents for payment_id, cents in ours}
    b = {payment_id: cents for payment_id, cents in theirs}
    return {
        "missing": sorted(i for i in a if i not in b),
        "unexpected": sorted(i for i in b if i not in a),
        "mismatched": sorted(i for i in a if i in b and a[i] != b[i]),
    }

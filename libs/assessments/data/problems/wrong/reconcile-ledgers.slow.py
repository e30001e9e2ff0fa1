# fails: 40000 payments per side
# Correct, but for each payment it searches the other ledger from the start: O(n * m).
def reconcile_ledgers(ours: list[list], theirs: list[list]) -> dict[str, list[str]]:
    def totals(ledger):
        ids, sums = [], []
        for payment_id, cents in ledger:
            if payment_id in ids:
                sums[ids.index(payment_id)] += cents
            else:
                ids.append(payment_id)
                sums.append(cents)
        return ids, sums

    a_ids, a_sums = totals(ours)
    b_ids, b_sums = totals(theirs)
    missing, mismatched = [], []
    for i, payment_id in enumerate(a_ids):
        if payment_id not in b_ids:
            missing.append(payment_id)
        elif b_sums[b_ids.index(payment_id)] != a_sums[i]:
            mismatched.append(payment_id)
    unexpected = [i for i in b_ids if i not in a_ids]
    return {"missing": sorted(missing), "unexpected": sorted(unexpected), "mismatched": sorted(mismatched)}

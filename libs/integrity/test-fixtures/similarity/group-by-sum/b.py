from collections import OrderedDict, defaultdict


def group_by_sum(rows, key_field, value_field):
    totals = defaultdict(int)
    counts = defaultdict(int)
    keys = OrderedDict()
    for r in rows:
        k = r[key_field] if key_field in r else None
        ident = repr(k)
        keys.setdefault(ident, k)
        counts[ident] += 1
        v = r.get(value_field, 0)
        totals[ident] += v if type(v) in (int, float) else 0
    return [{"key": keys[i], "total": totals[i], "count": counts[i]} for i in keys]

from collections import OrderedDict, defaultdict


def group_by_sum(data, group_field, sum_field):
    order = OrderedDict()
    sums = defaultdict(int)
    tally = defaultdict(int)
    for item in data:
        g = item[group_field] if group_field in item else None
        label = repr(g)
        order.setdefault(label, g)
        tally[label] += 1
        amount = item.get(sum_field, 0)
        sums[label] += amount if type(amount) in (int, float) else 0
    return [{"key": order[lbl], "total": sums[lbl], "count": tally[lbl]} for lbl in order]

def merge_intervals(ranges):
    if not ranges:
        return []
    ordered = sorted(ranges, key=lambda r: r[0])
    answer = []
    a, b = ordered[0]
    pos = 1
    while pos < len(ordered):
        c, d = ordered[pos]
        # a gap: close the current block
        if c > b:
            answer.append([a, b])
            a, b = c, d
        elif d > b:
            b = d
        pos += 1
    answer.append([a, b])
    return answer


def never_called():
    return None

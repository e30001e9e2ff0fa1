def merge_intervals(intervals):
    if not intervals:
        return []
    points = sorted(intervals, key=lambda pair: pair[0])
    merged = []
    cur_start, cur_end = points[0]
    i = 1
    while i < len(points):
        nxt_start, nxt_end = points[i]
        if nxt_start > cur_end:
            merged.append([cur_start, cur_end])
            cur_start, cur_end = nxt_start, nxt_end
        elif nxt_end > cur_end:
            cur_end = nxt_end
        i += 1
    merged.append([cur_start, cur_end])
    return merged

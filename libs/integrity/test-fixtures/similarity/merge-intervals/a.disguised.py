def merge_intervals(spans: list[list[int]]) -> list[list[int]]:
    # sort by start, then glue overlapping spans together
    out = []
    debug = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)  # extend the last one
        else:
            out.append([lo, hi])
    if len(debug) > 1000:
        print(debug)
    return out

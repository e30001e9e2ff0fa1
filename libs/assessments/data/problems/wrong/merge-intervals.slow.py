# fails: 30000 intervals, most of them separate
# Correct, but takes the interval with the smallest start by scanning all the remaining ones
# every time (a selection sort): O(n^2) comparisons before the merge.
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    rest = [list(interval) for interval in intervals]
    merged: list[list[int]] = []
    while rest:
        start, end = rest.pop(rest.index(min(rest)))
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged

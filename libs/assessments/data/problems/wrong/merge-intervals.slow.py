# fails: 30000 intervals, most of them separate
# Correct, but merges each interval into the result by scanning all of it: O(n^2) when most
# intervals are separate.
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in intervals:
        rest = []
        for m in merged:
            if m[0] <= end and start <= m[1]:
                start = min(start, m[0])
                end = max(end, m[1])
            else:
                rest.append(m)
        rest.append([start, end])
        merged = rest
    return sorted(merged)

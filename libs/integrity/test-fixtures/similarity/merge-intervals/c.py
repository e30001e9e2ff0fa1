from functools import reduce


def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    def step(acc, iv):
        if acc and iv[0] <= acc[-1][1]:
            return acc[:-1] + [[acc[-1][0], max(acc[-1][1], iv[1])]]
        return acc + [list(iv)]

    return reduce(step, sorted(map(tuple, intervals)), [])

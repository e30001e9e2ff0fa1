# fails: interpolating between two values
# Picks the nearest rank instead of interpolating between the two closest ranks.
def percentiles(latencies: list[float], ps: list[float]) -> list[float]:
    xs = sorted(latencies)
    return [xs[round((len(xs) - 1) * p / 100)] for p in ps]

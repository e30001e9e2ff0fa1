# fails: 50000 requests on 10000 paths
# Correct, but looks each line's path up in a plain list of paths: O(lines * paths).
import sys

paths: list[str] = []
stats: list[list[int]] = []  # per path, in first-seen order: [requests, latency sum, server errors]
for line in sys.stdin:
    fields = line.split()
    if len(fields) != 4:
        continue
    path = fields[1].split("?", 1)[0]
    try:
        s = stats[paths.index(path)]
    except ValueError:
        paths.append(path)
        s = [0, 0, 0]
        stats.append(s)
    s[0] += 1
    s[1] += int(fields[3])
    if int(fields[2]) >= 500:
        s[2] += 1

for path, (count, total, errors) in sorted(zip(paths, stats)):
    print(f"{path} {count} {total // count} {errors / count:.2f}")

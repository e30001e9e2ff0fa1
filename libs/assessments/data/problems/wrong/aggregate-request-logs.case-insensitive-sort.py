# fails: path order is by code unit
# Sorts paths ignoring case, so "/B" comes after "/a" instead of before it.
import sys

stats: dict[str, list[int]] = {}
for line in sys.stdin:
    fields = line.split()
    if len(fields) != 4:
        continue
    s = stats.setdefault(fields[1].split("?")[0], [0, 0, 0])
    s[0] += 1
    s[1] += int(fields[3])
    s[2] += int(fields[2]) >= 500
for path in sorted(stats, key=str.lower):
    count, total, errors = stats[path]
    print(f"{path} {count} {total // count} {errors / count:.2f}")

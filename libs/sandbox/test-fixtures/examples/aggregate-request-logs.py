import sys

stats = {}
for line in sys.stdin:
    fields = line.split()
    if len(fields) < 4:
        continue
    path = fields[1].split('?')[0]
    s = stats.setdefault(path, [0, 0, 0])
    s[0] += 1
    s[1] += int(fields[3])
    if int(fields[2]) >= 500:
        s[2] += 1
for path in sorted(stats):
    count, total, errors = stats[path]
    print(path, count, total // count, '%.2f' % (errors / count + 1e-12))

# fails: repeated dependencies
# Counts a dependency listed twice as two, so the service waits forever: a false CYCLE.
import heapq
import sys

waiting: dict[str, int] = {}
used_by: dict[str, list[str]] = {}
for line in sys.stdin:
    names = line.split()
    for name in names:
        waiting.setdefault(name, 0)
        used_by.setdefault(name, [])
    if len(names) == 2:
        waiting[names[0]] += 1
        used_by[names[1]].append(names[0])

ready = [n for n, w in waiting.items() if w == 0]
heapq.heapify(ready)
order = []
while ready:
    name = heapq.heappop(ready)
    order.append(name)
    for user in set(used_by[name]):
        waiting[user] -= 1
        if waiting[user] == 0:
            heapq.heappush(ready, user)
print("CYCLE" if len(order) < len(waiting) else "\n".join(order))

# fails: a service depending on itself
# Skips a line whose service depends on itself, instead of reporting the cycle it is.
import heapq
import sys

depends_on: dict[str, set[str]] = {}
used_by: dict[str, list[str]] = {}
for line in sys.stdin:
    names = line.split()
    for name in names:
        depends_on.setdefault(name, set())
        used_by.setdefault(name, [])
    if len(names) == 2 and names[0] != names[1] and names[1] not in depends_on[names[0]]:
        depends_on[names[0]].add(names[1])
        used_by[names[1]].append(names[0])

waiting = {n: len(d) for n, d in depends_on.items()}
ready = [n for n, w in waiting.items() if w == 0]
heapq.heapify(ready)
order = []
while ready:
    name = heapq.heappop(ready)
    order.append(name)
    for user in used_by[name]:
        waiting[user] -= 1
        if waiting[user] == 0:
            heapq.heappush(ready, user)
if len(order) < len(depends_on):
    print("CYCLE")
elif order:
    print("\n".join(order))

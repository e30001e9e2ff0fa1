# fails: 20000 services, wide ready sets
# Correct, but picks the smallest ready name by scanning the whole ready list, instead of a heap.
import sys

depends_on: dict[str, set[str]] = {}
used_by: dict[str, list[str]] = {}
for line in sys.stdin:
    names = line.split()
    for name in names:
        if name not in depends_on:
            depends_on[name] = set()
            used_by[name] = []
    if len(names) == 2:
        service, dependency = names
        if dependency not in depends_on[service]:
            depends_on[service].add(dependency)
            used_by[dependency].append(service)

waiting = {name: len(deps) for name, deps in depends_on.items()}
ready = [name for name, n in waiting.items() if n == 0]
order = []
while ready:
    smallest = 0
    for i in range(1, len(ready)):
        if ready[i] < ready[smallest]:
            smallest = i
    name = ready.pop(smallest)
    order.append(name)
    for user in used_by[name]:
        waiting[user] -= 1
        if waiting[user] == 0:
            ready.append(user)

if len(order) < len(depends_on):
    print("CYCLE")
elif order:
    print("\n".join(order))

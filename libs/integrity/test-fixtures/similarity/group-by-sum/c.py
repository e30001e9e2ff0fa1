from dataclasses import dataclass, field


@dataclass
class Tally:
    key: object
    total: float = 0
    count: int = 0
    members: list = field(default_factory=list)


def group_by_sum(rows: list[dict], key_field: str, value_field: str) -> list[dict]:
    tallies = []
    for row in rows:
        k = row.get(key_field, None)
        match = next((t for t in tallies if t.key == k and type(t.key) is type(k)), None)
        if match is None:
            match = Tally(k)
            tallies.append(match)
        match.count = match.count + 1
        amount = row.get(value_field)
        if type(amount) in (int, float):
            match.total = match.total + amount
    return [{"key": t.key, "total": t.total, "count": t.count} for t in tallies]

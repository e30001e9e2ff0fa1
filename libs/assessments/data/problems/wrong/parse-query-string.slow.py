# fails: 20000 distinct parameters
# Correct, but keeps the parameters as a list of (name, values) pairs searched from the start: O(params^2).
import re

ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")


def decode(text: str) -> str:
    raw = text.replace("+", " ").encode("utf-8")
    return ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw).decode("utf-8")


def parse_query(query: str) -> dict[str, list[str]]:
    pairs: list[tuple[str, list[str]]] = []
    for segment in query.removeprefix("?").split("&"):
        if not segment:
            continue
        name, _, value = segment.partition("=")
        name = decode(name)
        for known, values in pairs:
            if known == name:
                values.append(decode(value))
                break
        else:
            pairs.append((name, [decode(value)]))
    return dict(pairs)

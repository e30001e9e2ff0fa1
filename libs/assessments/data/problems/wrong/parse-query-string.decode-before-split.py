# fails: encoded separators
# Decodes the whole query before splitting it, so an encoded & or = becomes a separator.
import re

ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")


def decode(text: str) -> str:
    return ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), text.replace("+", " ").encode("utf-8")).decode("utf-8")


def parse_query(query: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for segment in decode(query.removeprefix("?")).split("&"):
        if segment:
            name, _, value = segment.partition("=")
            params.setdefault(name, []).append(value)
    return params

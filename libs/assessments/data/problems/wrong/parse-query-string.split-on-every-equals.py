# fails: values containing =
# Splits a segment on every '=' and keeps only the second piece, truncating values holding '='.
import re

ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")


def decode(text: str) -> str:
    return ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), text.replace("+", " ").encode("utf-8")).decode("utf-8")


def parse_query(query: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for segment in query.removeprefix("?").split("&"):
        if not segment:
            continue
        parts = segment.split("=")
        value = parts[1] if len(parts) > 1 else ""
        params.setdefault(decode(parts[0]), []).append(decode(value))
    return params

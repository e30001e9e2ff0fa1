# fails: values containing =
# Splits a segment on every '=' and keeps only the second piece, truncating values holding '='.
from urllib.parse import unquote_plus


def parse_query(query: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for segment in query.removeprefix("?").split("&"):
        if not segment:
            continue
        parts = segment.split("=")
        value = parts[1] if len(parts) > 1 else ""
        params.setdefault(unquote_plus(parts[0]), []).append(unquote_plus(value))
    return params

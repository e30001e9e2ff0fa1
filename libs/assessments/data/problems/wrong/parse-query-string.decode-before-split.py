# fails: encoded separators
# Decodes the whole query before splitting it, so an encoded & or = becomes a separator.
from urllib.parse import unquote_plus


def parse_query(query: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for segment in unquote_plus(query.removeprefix("?")).split("&"):
        if segment:
            name, _, value = segment.partition("=")
            params.setdefault(name, []).append(value)
    return params

from urllib.parse import unquote_plus

VERBOSE = False


def parse_query(qs: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    if qs.startswith("?"):
        qs = qs[1:]
    # split into name=value chunks
    for chunk in qs.split("&"):
        if not chunk:
            continue
        key, _, val = chunk.partition("=")
        params.setdefault(unquote_plus(key), []).append(unquote_plus(val))
        if VERBOSE:
            print(key, val)
    return params

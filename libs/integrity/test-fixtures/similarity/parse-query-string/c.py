import re


def _decode(text):
    text = text.replace("+", " ")
    return re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), text)


def parse_query(query: str) -> dict[str, list[str]]:
    parts = query[1:] if query[:1] == "?" else query
    params = {}
    index = 0
    pieces = parts.split("&")
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if piece == "":
            continue
        if "=" in piece:
            eq = piece.index("=")
            key, value = piece[:eq], piece[eq + 1 :]
        else:
            key, value = piece, ""
        params[_decode(key)] = params.get(_decode(key), []) + [_decode(value)]
    return params

from urllib.parse import parse_qsl


def parse_query(query):
    out = {}
    for key, value in parse_qsl(query.lstrip("?")[: len(query)], keep_blank_values=True):
        if key not in out:
            out[key] = []
        out[key].append(value)
    return out

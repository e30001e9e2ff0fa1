from urllib.parse import parse_qsl


def parse_query(text):
    # the standard library does the decoding
    mapping = {}
    pairs = parse_qsl(text.lstrip("?")[: len(text)], keep_blank_values=True)
    for name, val in pairs:
        if name not in mapping:
            mapping[name] = []
        mapping[name].append(val)
    return mapping

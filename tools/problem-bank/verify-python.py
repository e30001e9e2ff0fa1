#!/usr/bin/env python3
"""Checks the problem bank's Python content with a local CPython (a development aid).

    python3 tools/problem-bank/verify-python.py [SLUG ...]

For every function and stdio problem in libs/assessments/data/problems/, this runs each Python
reference solution (`referenceSolutions`, language python) and each known-wrong Python solution
(`wrong/<slug>.<label>.py`) over every test of the file, and compares the answers the way the
problem's checker does. It fails (exit status 1) when a reference misses any test, or when a
wrong solution passes the hidden test it names on its `# fails: TEST NAME` line (the test its
label's mistake breaks), or when the Python starter does not compile (or, in function mode, does
not define the entry point). Per solution it prints how many tests passed, the
first failing hidden tests, and the slowest test's CPU time.

This is NOT the product's judge. The judge runs Python in Pyodide inside isolated-vm, with
its limits, JSON conversion and checkers (libs/sandbox). This script only proves, before that
engine exists, that the Python content is right: the expected values are reachable with
natural Python and each wrong solution fails for a reason. It mirrors the contract where it
matters here: arguments arrive as json.loads values, a return value goes back through JSON
(tuples become lists; a dict with non-str keys, NaN or a set is an error), stdout is compared
with the same normalisation (exact: trailing spaces and blank lines at the end ignored;
tokens: whitespace-separated tokens), and bool never equals a number. It runs each test in a
fresh namespace of this process, with a generous CPU-time alarm (10 x the problem's limit):
CPython is faster than Pyodide, so times printed here are a lower bound, not a verdict.
"""

import io
import json
import math
import os
import re
import signal
import sys
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BANK = os.path.join(ROOT, "libs", "assessments", "data", "problems")
WRONG = os.path.join(BANK, "wrong")


class Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise Timeout()


def set_cpu_alarm(seconds):
    # Pyodide (WebAssembly) has no interval timers: there the alarm is simply off.
    try:
        signal.setitimer(signal.ITIMER_PROF, seconds)
    except (AttributeError, OSError):
        pass


# --- checker semantics (libs/sandbox/src/checkers.ts) ------------------------------------------


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def json_equal(actual, expected):
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return type(actual) is type(expected) and actual == expected
    if is_number(expected):
        return is_number(actual) and actual == expected
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(json_equal(a, e) for a, e in zip(actual, expected))
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and len(actual) == len(expected)
            and all(k in actual and json_equal(actual[k], v) for k, v in expected.items())
        )
    raise TypeError(f"not JSON: {expected!r}")


def float_close(a, e, eps):
    return math.isfinite(a) and abs(a - e) <= eps * max(1, abs(e))


def json_float_equal(actual, expected, eps):
    if is_number(expected):
        return is_number(actual) and float_close(actual, expected, eps)
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(json_float_equal(a, e, eps) for a, e in zip(actual, expected))
        )
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and len(actual) == len(expected)
            and all(k in actual and json_float_equal(actual[k], v, eps) for k, v in expected.items())
        )
    return json_equal(actual, expected)


def canonical(v):
    # JSON.stringify with sorted keys; ints and integral floats print alike, as in JavaScript.
    if is_number(v) and float(v).is_integer():
        return str(int(v))
    if isinstance(v, list):
        return "[" + ",".join(canonical(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k) + ":" + canonical(v[k]) for k in sorted(v)) + "}"
    return json.dumps(v)


def json_unordered_equal(actual, expected):
    if not isinstance(expected, list):
        return json_equal(actual, expected)
    if not isinstance(actual, list) or len(actual) != len(expected):
        return False
    counts = {}
    for e in expected:
        counts[canonical(e)] = counts.get(canonical(e), 0) + 1
    for a in actual:
        k = canonical(a)
        if not counts.get(k):
            return False
        counts[k] -= 1
    return True


def normalize_lines(text):
    lines = [l.rstrip(" \t") for l in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def check_value(checker, actual, expected):
    t = checker["type"]
    if t == "exact":
        return json_equal(actual, expected)
    if t == "unordered":
        return json_unordered_equal(actual, expected)
    if t == "float":
        return json_float_equal(actual, expected, checker.get("epsilon", 1e-6))
    if t == "tokens":
        if isinstance(actual, str) and isinstance(expected, str):
            return actual.split() == expected.split()
        return json_equal(actual, expected)
    raise ValueError(t)


def check_output(checker, actual, expected):
    t = checker["type"]
    if t == "exact":
        return normalize_lines(actual) == normalize_lines(expected)
    if t == "tokens":
        return actual.split() == expected.split()
    if t == "unordered":
        a = sorted(l for l in normalize_lines(actual) if l)
        return a == sorted(l for l in normalize_lines(expected) if l)
    if t == "float":
        a, e = actual.split(), expected.split()
        if len(a) != len(e):
            return False
        for x, y in zip(a, e):
            try:
                ey = float(y)
            except ValueError:
                if x != y:
                    return False
                continue
            try:
                if not float_close(float(x), ey, checker.get("epsilon", 1e-6)):
                    return False
            except ValueError:
                return False
        return True
    raise ValueError(t)


# --- running one solution ------------------------------------------------------------------------


def to_json(value):
    """The contract's return conversion: through JSON text, refusing what JSON cannot hold."""
    return json.loads(json.dumps(value, allow_nan=False))


def run_test(problem, source, entry, test, limit_s):
    """Returns (ok, answer or error text, cpu seconds)."""
    namespace = {"__name__": "__main__"}
    old_stdin, old_stdout = sys.stdin, sys.stdout
    out = io.StringIO()
    start = time.process_time()
    set_cpu_alarm(limit_s)
    try:
        if problem["mode"] == "function":
            exec(compile(source, "<solution>", "exec"), namespace)
            fn = namespace.get(entry)
            if not callable(fn):
                return False, f"no function {entry}", 0.0
            args = json.loads(json.dumps(test["args"]))
            sys.stdout = out
            answer = to_json(fn(*args))
            return check_value(problem["checker"], answer, test["expected"]), answer, time.process_time() - start
        sys.stdin, sys.stdout = io.StringIO(test["stdin"]), out
        try:
            exec(compile(source, "<solution>", "exec"), namespace)
        except SystemExit as e:
            if e.code not in (None, 0):
                raise
        text = out.getvalue()
        return check_output(problem["checker"], text, test["expected"]), text, time.process_time() - start
    except Timeout:
        return False, f"over {limit_s:.0f} s of CPU", time.process_time() - start
    except BaseException as e:  # noqa: BLE001 - a wrong solution may raise anything
        return False, "".join(traceback.format_exception_only(type(e), e)).strip(), time.process_time() - start
    finally:
        set_cpu_alarm(0)
        sys.stdin, sys.stdout = old_stdin, old_stdout


def run_solution(problem, source):
    entry = (problem.get("entryPoints") or {}).get("python", problem.get("entryPoint"))
    limit_s = 10 * problem["limits"]["timeMs"] / 1000
    # Performance tests are generated and timed by the judge (npm run bank:report), not here.
    return [(t, *run_test(problem, source, entry, t, limit_s)) for t in problem["tests"] if t.get("kind") != "performance"]


def short(v, n=120):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[:n] + "..."


def main(argv):
    try:
        signal.signal(signal.SIGPROF, _alarm)
    except (AttributeError, OSError, ValueError):
        pass
    print(f"Python {sys.version.split()[0]} on {sys.platform}")
    slugs = set(argv)
    failures = []
    for file in sorted(f for f in os.listdir(BANK) if f.endswith(".json")):
        with open(os.path.join(BANK, file), encoding="utf-8") as fh:
            problem = json.load(fh)
        slug = problem["slug"]
        if problem["mode"] == "sql" or (slugs and slug not in slugs):
            continue
        refs = [s["source"] for s in problem["referenceSolutions"] if s["language"] == "python"]
        wrongs = sorted(f for f in os.listdir(WRONG) if f.startswith(slug + ".") and f.endswith(".py"))
        runs = [(f"reference {i + 1}", src, True) for i, src in enumerate(refs)]
        for w in wrongs:
            with open(os.path.join(WRONG, w), encoding="utf-8") as fh:
                runs.append((w, fh.read(), False))
        starter = (problem.get("starters") or {}).get("python")
        try:
            code = compile(starter or "", "<starter>", "exec")
            namespace = {}
            if problem["mode"] == "function":
                exec(code, namespace)  # a starter only defines the function; stdio starters would read stdin
            if problem["mode"] == "function" and not callable(namespace.get(problem["entryPoints"]["python"])):
                failures.append(f"{slug}: the Python starter does not define {problem['entryPoints']['python']}")
        except SyntaxError as e:
            failures.append(f"{slug}: the Python starter does not compile: {e}")
        if not starter:
            failures.append(f"{slug}: no Python starter")
        if not refs:
            failures.append(f"{slug}: no Python reference")
        if len(wrongs) < 2:
            failures.append(f"{slug}: {len(wrongs)} known-wrong Python solutions, want 2")
        for label, source, must_pass in runs:
            results = run_solution(problem, source)
            passed = sum(1 for _, ok, _, _ in results if ok)
            failed_hidden = [(t, got) for t, ok, got, _ in results if not ok and t.get("hidden", True)]
            failed_visible = [t["name"] for t, ok, _, _ in results if not ok and not t.get("hidden", True)]
            slowest = max(results, key=lambda r: r[3])
            line = f"{slug:24} {label:52} {passed:3}/{len(results)} passed; slowest {slowest[3] * 1000:6.0f} ms ({slowest[0]['name']})"
            print(line)
            if must_pass and passed != len(results):
                for t, ok, got, _ in results:
                    if not ok:
                        print(f"    FAIL {t['name']}: got {short(got)}; expected {short(t['expected'])}")
                failures.append(f"{slug} {label}: fails {len(results) - passed} tests")
            slow = re.match(r"^[^.]+\.slow(-[a-z0-9-]+)?\.py$", label) is not None
            if slow and passed != len(results):
                # a `slow` solution is correct: only the judge's performance tests may fail it, on time
                failures.append(f"{slug} {label}: a slow solution must pass every correctness test")
            if not must_pass and not slow:
                # the `# fails: TEST` line names the hidden test the label's mistake breaks
                named = re.search(r"^# fails: (.+)$", source, re.M)
                named = named.group(1) if named else None
                if named not in {t["name"] for t, _ in failed_hidden}:
                    failures.append(f"{slug} {label}: does not fail the hidden test it names ({named})")
                for t, got in failed_hidden[:3]:
                    print(f"    fails hidden '{t['name']}' ({t.get('category')}): got {short(got, 80)}")
                if failed_visible:
                    print(f"    also fails visible: {', '.join(failed_visible)}")
    print()
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("OK: every Python reference passes every test; every known-wrong Python solution fails the hidden test it names.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

import type { Checker, JsonValue } from './problem.schema';

/*
 * Checkers run on the host (the sandbox child process), never inside the isolate, on values
 * parsed from JSON text the isolate produced. `actual` is hostile: it may be nested far deeper
 * than anything an author writes, so every recursion below descends only while `expected`
 * does, and `expected` comes from a validated problem (at most 256 levels).
 */

function isObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values; object key order does not matter. */
export function jsonEqual(actual: JsonValue | undefined, expected: JsonValue): boolean {
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) if (!jsonEqual(actual[i], expected[i])) return false;
    return true;
  }
  if (!isObject(actual)) return false;
  const keys = Object.keys(expected);
  if (Object.keys(actual).length !== keys.length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(actual, k) || !jsonEqual(actual[k], expected[k])) return false;
  }
  return true;
}

/** `|actual - expected| <= epsilon * max(1, |expected|)`. */
export function floatClose(actual: number, expected: number, epsilon: number): boolean {
  if (!Number.isFinite(actual)) return false;
  return Math.abs(actual - expected) <= epsilon * Math.max(1, Math.abs(expected));
}

/** Numbers within tolerance, element by element through arrays (and object members); anything else exact. */
export function jsonFloatEqual(actual: JsonValue | undefined, expected: JsonValue, epsilon: number): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && floatClose(actual, expected, epsilon);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) if (!jsonFloatEqual(actual[i], expected[i], epsilon)) return false;
    return true;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return false;
    const keys = Object.keys(expected);
    if (Object.keys(actual).length !== keys.length) return false;
    return keys.every((k) => Object.prototype.hasOwnProperty.call(actual, k) && jsonFloatEqual(actual[k], expected[k], epsilon));
  }
  return actual === expected;
}

/** The top-level arrays hold the same elements with the same multiplicities, in any order. */
export function jsonUnorderedEqual(actual: JsonValue | undefined, expected: JsonValue): boolean {
  if (!Array.isArray(expected)) return jsonEqual(actual, expected);
  if (!Array.isArray(actual) || actual.length !== expected.length) return false;
  const counts = new Map<string, number>();
  let maxDepth = 0;
  for (const e of expected) {
    maxDepth = Math.max(maxDepth, depthOf(e));
    const key = canonical(e, Infinity) as string;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const a of actual) {
    // An element deeper than every expected one cannot match; stop before recursing into it.
    const key = canonical(a, maxDepth);
    const n = key === null ? undefined : counts.get(key);
    if (!n) return false;
    counts.set(key as string, n - 1);
  }
  return true;
}

function depthOf(v: JsonValue): number {
  if (v === null || typeof v !== 'object') return 0;
  let d = 0;
  for (const x of Array.isArray(v) ? v : Object.values(v)) d = Math.max(d, depthOf(x));
  return d + 1;
}

/** A text equal for equal JSON values (object keys sorted); null when deeper than `budget`. */
function canonical(v: JsonValue, budget: number): string | null {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (budget <= 0) return null;
  const parts: string[] = [];
  if (Array.isArray(v)) {
    for (const x of v) {
      const c = canonical(x, budget - 1);
      if (c === null) return null;
      parts.push(c);
    }
    return `[${parts.join(',')}]`;
  }
  for (const k of Object.keys(v).sort()) {
    const c = canonical(v[k], budget - 1);
    if (c === null) return null;
    parts.push(`${JSON.stringify(k)}:${c}`);
  }
  return `{${parts.join(',')}}`;
}

/** Splits on any whitespace, ignoring leading and trailing whitespace. */
export function tokenize(text: string): string[] {
  const t = text.trim();
  return t ? t.split(/\s+/) : [];
}

export function tokensEqual(actual: string, expected: string): boolean {
  const a = tokenize(actual);
  const e = tokenize(expected);
  return a.length === e.length && a.every((tok, i) => tok === e[i]);
}

/** Lines with trailing spaces removed, CRLF as LF, trailing blank lines dropped. */
export function normalizeLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function textEqual(actual: string, expected: string): boolean {
  const a = normalizeLines(actual);
  const e = normalizeLines(expected);
  return a.length === e.length && a.every((l, i) => l === e[i]);
}

/** Same lines (normalized, blank ones ignored) as a multiset. */
export function linesUnorderedEqual(actual: string, expected: string): boolean {
  const a = normalizeLines(actual).filter((l) => l !== '');
  const e = normalizeLines(expected).filter((l) => l !== '');
  if (a.length !== e.length) return false;
  const counts = new Map<string, number>();
  for (const l of e) counts.set(l, (counts.get(l) ?? 0) + 1);
  for (const l of a) {
    const n = counts.get(l);
    if (!n) return false;
    counts.set(l, n - 1);
  }
  return true;
}

const NUMBER_TOKEN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Token by token: numeric expected tokens within tolerance, other tokens exact. */
export function tokensFloatEqual(actual: string, expected: string, epsilon: number): boolean {
  const a = tokenize(actual);
  const e = tokenize(expected);
  if (a.length !== e.length) return false;
  return e.every((tok, i) => {
    if (!NUMBER_TOKEN.test(tok)) return a[i] === tok;
    return NUMBER_TOKEN.test(a[i]) && floatClose(Number(a[i]), Number(tok), epsilon);
  });
}

/** Function mode: compares the returned value (undefined when it was not JSON) with `expected`. */
export function checkValue(checker: Checker, actual: JsonValue | undefined, expected: JsonValue): boolean {
  switch (checker.type) {
    case 'exact':
      return jsonEqual(actual, expected);
    case 'unordered':
      return jsonUnorderedEqual(actual, expected);
    case 'float':
      return jsonFloatEqual(actual, expected, checker.epsilon);
    case 'tokens':
      return typeof expected === 'string' && typeof actual === 'string' ? tokensEqual(actual, expected) : jsonEqual(actual, expected);
  }
}

/** Stdio mode: compares what the program printed with `expected`. */
export function checkOutput(checker: Checker, actual: string, expected: string): boolean {
  switch (checker.type) {
    case 'exact':
      return textEqual(actual, expected);
    case 'unordered':
      return linesUnorderedEqual(actual, expected);
    case 'float':
      return tokensFloatEqual(actual, expected, checker.epsilon);
    case 'tokens':
      return tokensEqual(actual, expected);
  }
}

import {
  checkOutput,
  checkValue,
  floatClose,
  jsonEqual,
  jsonFloatEqual,
  jsonUnorderedEqual,
  linesUnorderedEqual,
  normalizeLines,
  textEqual,
  tokenize,
  tokensEqual,
  tokensFloatEqual,
} from './checkers';
import type { JsonValue } from './problem.schema';

describe('exact (function mode): deep JSON equality', () => {
  it.each<[JsonValue | undefined, JsonValue, boolean]>([
    [[0, 1], [0, 1], true],
    [[1, 0], [0, 1], false],
    [{ a: 1, b: [2, { c: null }] }, { b: [2, { c: null }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: 2 }, { a: 1 }, false],
    [{ a: undefined as unknown as JsonValue }, { b: 1 }, false],
    ['1', 1, false],
    [1, 1, true],
    [null, null, true],
    [undefined, null, false],
    [[], {}, false],
    [{}, [], false],
    [[1, [2, [3]]], [1, [2, [3]]], true],
    [true, 1, false],
  ])('%j vs %j -> %s', (actual, expected, ok) => {
    expect(jsonEqual(actual, expected)).toBe(ok);
    expect(checkValue({ type: 'exact' }, actual, expected)).toBe(ok);
  });

  it('does not recurse into hostile depth beyond what is expected', () => {
    let deep: JsonValue = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(jsonEqual(deep, [[[]]])).toBe(false);
    expect(jsonUnorderedEqual([deep], [[[1]]])).toBe(false);
  });

  it('does not trust an own __proto__ key', () => {
    const actual = JSON.parse('{"__proto__": 1}') as JsonValue;
    expect(jsonEqual(actual, { constructor: 1 })).toBe(false);
    expect(jsonEqual(actual, JSON.parse('{"__proto__": 1}') as JsonValue)).toBe(true);
  });
});

describe('unordered: the top-level array as a multiset', () => {
  it.each<[JsonValue, JsonValue, boolean]>([
    [[3, 1, 2], [1, 2, 3], true],
    [[1, 1, 2], [1, 2, 2], false],
    [[1, 2], [1, 2, 2], false],
    [[{ b: 1, a: [2] }, 'x'], ['x', { a: [2], b: 1 }], true],
    [[[1, 2]], [[2, 1]], false],
    ['abc', ['abc'], false],
  ])('%j vs %j -> %s', (actual, expected, ok) => {
    expect(jsonUnorderedEqual(actual, expected)).toBe(ok);
    expect(checkValue({ type: 'unordered' }, actual, expected)).toBe(ok);
  });

  it('is linear enough for large arrays', () => {
    const expected = Array.from({ length: 100_000 }, (_, i) => i);
    const actual = [...expected].reverse();
    const t = performance.now();
    expect(jsonUnorderedEqual(actual, expected)).toBe(true);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('float: |actual - expected| <= epsilon * max(1, |expected|)', () => {
  it('uses an absolute tolerance near zero and a relative one beyond 1', () => {
    expect(floatClose(0.0000009, 0, 1e-6)).toBe(true);
    expect(floatClose(0.0000011, 0, 1e-6)).toBe(false);
    expect(floatClose(1000.0009, 1000, 1e-6)).toBe(true);
    expect(floatClose(1000.0011, 1000, 1e-6)).toBe(false);
    expect(floatClose(Number.NaN, 0, 1)).toBe(false);
    expect(floatClose(Number.POSITIVE_INFINITY, 1e308, 1)).toBe(false);
  });

  it('compares element by element through arrays and objects, the rest exactly', () => {
    expect(jsonFloatEqual([0.1 + 0.2, [1 / 3]], [0.3, [0.333333]], 1e-6)).toBe(true);
    expect(jsonFloatEqual([0.3, 0.4], [0.3], 1e-6)).toBe(false);
    expect(jsonFloatEqual({ x: 1.0000001, label: 'a' }, { x: 1, label: 'a' }, 1e-6)).toBe(true);
    expect(jsonFloatEqual({ x: 1, label: 'b' }, { x: 1, label: 'a' }, 1e-6)).toBe(false);
    expect(jsonFloatEqual('0.3', 0.3, 1e-6)).toBe(false);
    expect(checkValue({ type: 'float', epsilon: 1e-3 }, 3.1411, 3.1416)).toBe(true);
    expect(checkValue({ type: 'float', epsilon: 1e-6 }, 3.1411, 3.1416)).toBe(false);
  });
});

describe('tokens: whitespace-separated tokens', () => {
  it('ignores how tokens are spaced or broken across lines', () => {
    expect(tokenize('  a  b\n\tc \r\n')).toEqual(['a', 'b', 'c']);
    expect(tokenize(' \n ')).toEqual([]);
    expect(tokensEqual('1 2\n3', ' 1\n2   3 \n\n')).toBe(true);
    expect(tokensEqual('1 2 3', '1 23')).toBe(false);
    expect(tokensEqual('1.0', '1')).toBe(false);
  });

  it('applies to strings in function mode, deep equality otherwise', () => {
    expect(checkValue({ type: 'tokens' }, 'a  b', 'a b')).toBe(true);
    expect(checkValue({ type: 'tokens' }, ['a b'], ['a  b'])).toBe(false);
    expect(checkValue({ type: 'tokens' }, 3, 3)).toBe(true);
  });
});

describe('stdio checkers', () => {
  it('exact: trailing spaces of each line and trailing blank lines do not matter, anything else does', () => {
    expect(normalizeLines('a  \r\nb\t\n\n\n')).toEqual(['a', 'b']);
    expect(textEqual('1 2  \n3\n\n', '1 2\n3')).toBe(true);
    expect(textEqual(' 1 2\n3', '1 2\n3')).toBe(false);
    expect(textEqual('1 2\n\n3', '1 2\n3')).toBe(false);
    expect(textEqual('', '\n\n')).toBe(true);
    expect(checkOutput({ type: 'exact' }, 'YES\n', 'YES')).toBe(true);
    expect(checkOutput({ type: 'exact' }, 'yes\n', 'YES')).toBe(false);
  });

  it('unordered: the lines as a multiset', () => {
    expect(linesUnorderedEqual('b\na\n', 'a\nb')).toBe(true);
    expect(linesUnorderedEqual('a\na\n', 'a\nb')).toBe(false);
    expect(checkOutput({ type: 'unordered' }, 'x 1\ny 2\n', 'y 2\nx 1\n')).toBe(true);
  });

  it('float: numeric tokens within tolerance, other tokens exact', () => {
    expect(tokensFloatEqual('0.3333334 ok', '0.333333 ok', 1e-6)).toBe(true);
    expect(tokensFloatEqual('0.3334 ok', '0.333333 ok', 1e-6)).toBe(false);
    expect(tokensFloatEqual('0.333333 OK', '0.333333 ok', 1e-6)).toBe(false);
    expect(tokensFloatEqual('1e3', '1000', 1e-9)).toBe(true);
    expect(tokensFloatEqual('NaN', '1', 1)).toBe(false);
    expect(tokensFloatEqual('1 2', '1', 1)).toBe(false);
    expect(checkOutput({ type: 'float', epsilon: 1e-2 }, '3.14\n', '3.1416')).toBe(true);
  });

  it('tokens', () => {
    expect(checkOutput({ type: 'tokens' }, '1\n2\n3\n', '1 2 3')).toBe(true);
    expect(checkOutput({ type: 'tokens' }, '1 2', '1 2 3')).toBe(false);
  });
});

import { AppError } from '@app/common';
import { CUSTOM_INPUT_MAX_BYTES, LIMIT_DEFAULTS, SOURCE_KB_MAX, SOURCE_MAX_BYTES } from '@app/sandbox';
import { checkCustomInput, checkSource } from './attempts.service';
import { problemLanguages } from './candidate-view';
import { checkProblemDocument } from './problem-document';

const fn = { slug: 'add', title: 'Add', statement: 'Add.', mode: 'function', entryPoint: 'add', tests: [{ name: 't', args: [1, 2], expected: 3 }] };
const sql = {
  slug: 'q',
  title: 'Q',
  statement: 'Q.',
  mode: 'sql',
  schema: 'CREATE TABLE t (x INTEGER);',
  tests: [{ name: 't', data: { t: [[1]] }, expected: { columns: ['x'], rows: [[1]] } }],
};

const fieldsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.details.fields;
    throw e;
  }
  throw new Error('accepted');
};

describe('checkProblemDocument: reference languages', () => {
  it('accepts Python and SQL references in problems that offer them', () => {
    expect(checkProblemDocument(fn, [{ language: 'python', source: 'def add(a, b):\n    return a + b\n' }]).languages).toEqual(['javascript', 'typescript', 'python']);
    expect(checkProblemDocument(sql, [{ language: 'sql', source: 'SELECT x FROM t;' }]).languages).toEqual(['sql']);
  });

  it('refuses a reference in a language the problem does not offer, naming what it offers', () => {
    expect(fieldsOf(() => checkProblemDocument(sql, [{ language: 'python', source: 'print(1)' }]))).toEqual([
      { field: 'referenceSolutions[0].language', message: 'the problem offers sql' },
    ]);
    expect(fieldsOf(() => checkProblemDocument({ ...fn, languages: ['javascript'] }, [{ language: 'sql', source: 'SELECT 1;' }]))).toEqual([
      { field: 'referenceSolutions[0].language', message: 'the problem offers javascript' },
    ]);
    expect(fieldsOf(() => checkProblemDocument(fn, [{ language: 'cobol' as never, source: 'x' }]))).toEqual([
      { field: 'referenceSolutions[0].language', message: 'must be one of javascript, typescript, python, sql' },
    ]);
  });
});

describe('problemLanguages', () => {
  it("takes the problem's own list, else the judge's defaults per mode", () => {
    expect(problemLanguages({ mode: 'function' })).toEqual(['javascript', 'typescript', 'python']);
    expect(problemLanguages({ mode: 'sql' })).toEqual(['sql']);
    expect(problemLanguages({ mode: 'stdio', languages: ['python'] })).toEqual(['python']);
  });
});

describe('checkCustomInput', () => {
  it('refuses custom input for an SQL problem: its runs need tables', () => {
    expect(fieldsOf(() => checkCustomInput('sql', { stdin: 'x' }))).toEqual([{ field: 'customInput', message: 'SQL problems run against their examples: omit customInput' }]);
  });
});

describe('checkSource', () => {
  it("holds a source to its problem's own sourceKb, in UTF-8 bytes, and names the limit", () => {
    expect(() => checkSource({ limits: { sourceKb: 2 } }, 'x'.repeat(2048))).not.toThrow();
    expect(fieldsOf(() => checkSource({ limits: { sourceKb: 2 } }, 'x'.repeat(2049)))).toEqual([
      { field: 'source', message: "must be at most 2 KB, this problem's limit (it is 3 KB)" },
    ]);
    // 1,000 characters of three bytes each: 2,930 bytes, over 2 KB though the length is 1,000.
    expect(fieldsOf(() => checkSource({ limits: { sourceKb: 2 } }, '€'.repeat(1000)))).toEqual([{ field: 'source', message: "must be at most 2 KB, this problem's limit (it is 3 KB)" }]);
  });

  it('takes the judge default (64 KB) when the problem sets none, and admits up to the ceiling when it does', () => {
    expect(fieldsOf(() => checkSource({}, 'x'.repeat(LIMIT_DEFAULTS.sourceKb * 1024 + 1)))).toEqual([{ field: 'source', message: "must be at most 64 KB, this problem's limit (it is 65 KB)" }]);
    expect(() => checkSource({ limits: { sourceKb: SOURCE_KB_MAX } }, 'x'.repeat(SOURCE_MAX_BYTES))).not.toThrow();
  });
});

describe('custom input size', () => {
  it("is the judge's own limit (CUSTOM_INPUT_MAX_BYTES), counted as JSON", () => {
    const justOver = 'x'.repeat(CUSTOM_INPUT_MAX_BYTES);
    expect(fieldsOf(() => checkCustomInput('stdio', { stdin: justOver }))).toEqual([{ field: 'customInput', message: 'must be at most 1 MB as JSON' }]);
    expect(() => checkCustomInput('stdio', { stdin: 'x'.repeat(CUSTOM_INPUT_MAX_BYTES - 100) })).not.toThrow();
  });
});

import { AppError } from '@app/common';
import { checkCustomInput } from './attempts.service';
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

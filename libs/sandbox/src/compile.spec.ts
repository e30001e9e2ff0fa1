import { compileSource, positionOf, v8SyntaxError } from './compile';

async function ok(language: 'javascript' | 'typescript', source: string) {
  const r = await compileSource(language, source);
  if (!r.ok) throw new Error(`expected to compile: ${r.error.message}`);
  return r.compiled;
}

async function err(language: 'javascript' | 'typescript', source: string) {
  const r = await compileSource(language, source);
  if (r.ok) throw new Error('expected a compile error');
  return r.error;
}

describe('compileSource', () => {
  it('passes plain JavaScript through untouched (V8 checks its syntax later)', async () => {
    const src = 'function f(a) { return a; }\n// imports nothing, exports nothing\n';
    expect(await ok('javascript', src)).toEqual({ code: src, typeCheck: null });
  });

  it('rewrites ES module syntax to run as a script, keeping lines in place', async () => {
    const c = await ok('javascript', 'export function twoSum(a) {\n  return a;\n}\nexport default twoSum;\n');
    expect(c.code).toContain('exports.twoSum = twoSum');
    expect(c.code).toMatch(/exports\. ?default = twoSum/);
    expect(c.code.split('\n')).toHaveLength(5);
    expect(c.code.split('\n')[1]).toBe('  return a;');
  });

  it('transpiles TypeScript, keeping every line where it was', async () => {
    const src = 'interface P { x: number }\nenum Color { Red, Green }\nfunction f(p: P): number {\n  return p.x as number;\n}\n';
    const c = await ok('typescript', src);
    expect(c.code).not.toMatch(/interface|: number|as number/);
    expect(c.code).toContain('Color');
    expect(c.code.split('\n').length).toBe(src.split('\n').length);
    expect(c.code.split('\n')[3]).toMatch(/^\s*return p\.x\s*;$/);
  });

  it('reports TypeScript syntax errors as compile errors with line and column', async () => {
    expect(await err('typescript', 'const a = 1;\nfunction f(x: number {\n}\n')).toEqual({
      message: "SyntaxError: ',' expected.",
      line: 2,
      column: 22,
    });
  });

  it('reports syntax errors in JavaScript modules with their position', async () => {
    const e = await err('javascript', 'export const a = 1;\nexport const b = ;\nexport const c = 3;\n');
    expect(e.message).toMatch(/^SyntaxError: /);
    expect(e).toMatchObject({ line: 2, column: 18 });
  });

  it('reports type errors as warnings with line:column, not as compile errors', async () => {
    const c = await ok(
      'typescript',
      'function f(a: number): string {\n  return a;\n}\nconst s: string = f(1);\nconsole.log(readline(), input.length);\nprint(s);\n',
    );
    expect(c.typeCheck).not.toBeNull();
    expect(c.typeCheck?.()).toEqual(["2:3 Type 'number' is not assignable to type 'string'."]);
  });

  it('knows the sandbox globals and ES2023, and nothing of Node or the DOM', async () => {
    const c = await ok(
      'typescript',
      "const xs = [3, 1].toSorted();\nconst r: string | undefined = readline();\nprocess.exit(1);\ndocument.title = 'x';\n",
    );
    const warnings = c.typeCheck?.() ?? [];
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^3:1 Cannot find name 'process'/);
    expect(warnings[1]).toMatch(/^4:1 Cannot find name 'document'/);
  });

  it('never reads host files for references or imports', async () => {
    const c = await ok(
      'typescript',
      '/// <reference path="/etc/passwd" />\n/// <reference types="node" />\nimport * as fs from "fs";\nexport const x: number = 1;\n',
    );
    const warnings = c.typeCheck?.() ?? [];
    expect(warnings.join('\n')).not.toMatch(/root:/);
    expect(warnings.some((w) => w.startsWith("3:21 Cannot find module 'fs'"))).toBe(true);
  });

  it('turns absurd nesting into a compile error rather than a crash', async () => {
    const deep = `const x = ${'['.repeat(100_000)}${']'.repeat(100_000)};`;
    expect(await err('typescript', deep)).toEqual({ message: 'source is nested too deeply to compile', line: 1, column: 1 });
    expect(await err('javascript', `export const x = ${'['.repeat(100_000)}${']'.repeat(100_000)};`)).toEqual({
      message: 'source is nested too deeply to compile',
      line: 1,
      column: 1,
    });
  });
});

describe('positions', () => {
  it('positionOf gives 1-based line and column', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('ab\ncd', 99)).toEqual({ line: 2, column: 3 });
  });

  it('v8SyntaxError reads isolated-vm messages', () => {
    expect(v8SyntaxError('Unexpected end of input [solution.js:3:1]')).toEqual({
      message: 'SyntaxError: Unexpected end of input',
      line: 3,
      column: 1,
    });
    expect(v8SyntaxError("Identifier 'a' has already been declared [solution.js:2:5]")).toEqual({
      message: "SyntaxError: Identifier 'a' has already been declared",
      line: 2,
      column: 5,
    });
    expect(v8SyntaxError('weird')).toEqual({ message: 'SyntaxError: weird', line: 1, column: 1 });
  });
});

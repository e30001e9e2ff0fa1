import * as path from 'node:path';
import type * as TS from 'typescript';
import type { CompileError, Language } from './judge.types';

/*
 * Host-side compilation (it runs in the sandbox child, never in the isolate): TypeScript is
 * transpiled, ES module syntax is rewritten so the code runs as a script. Sucrase keeps every
 * line where it was, so positions V8 reports later (syntax it rejects, stack traces) still
 * point into the candidate's source.
 */

export interface Compiled {
  /** JavaScript to evaluate as a script. */
  code: string;
  /** TypeScript only: the type check, run later (it is the expensive part). */
  typeCheck: (() => string[]) | null;
}

export type CompileOutcome = { ok: true; compiled: Compiled } | { ok: false; error: CompileError };

export const SOLUTION_FILE = { javascript: 'solution.js', typescript: 'solution.ts' } as const;

let tsModule: typeof TS | undefined;
let sucraseModule: typeof import('sucrase') | undefined;
// Loaded on first need: plain JavaScript (the common case) never pays for either compiler,
// which keeps a fresh sandbox child quick to start.
async function loadTs(): Promise<typeof TS> {
  tsModule ??= (await import('typescript')).default;
  return tsModule;
}
/**
 * Hands compileSource and parseTypeScript a TypeScript loaded with require. The type-check thread
 * does so: loaded through import(), TypeScript goes through Node's CommonJS export lexer, and a
 * thread terminated while that lexer runs aborts the whole process.
 */
export function useTypeScript(ts: typeof TS): void {
  tsModule ??= ts;
}
async function loadSucrase(): Promise<typeof import('sucrase')> {
  sucraseModule ??= await import('sucrase');
  return sucraseModule;
}

const MODULE_SYNTAX = /\b(?:import|export)\b/;

/** What the TypeScript parser says of a source: its first syntax error, and whether it is a module (imports or exports). */
export interface TypeScriptSyntax {
  error: CompileError | null;
  module: boolean;
}

/**
 * Compiles a source for the isolate. `checked`: TypeScript whose syntax the caller has already
 * checked with `parseTypeScript` (the judge does, on its type-check thread, which loads the
 * compiler anyway): only the transpile is left, and the child never loads TypeScript, the largest
 * part of a new child's first TypeScript submission (~0.75 s of CPU; npm run bench:restart).
 */
export async function compileSource(language: Language, source: string, checked?: { module: boolean }): Promise<CompileOutcome> {
  try {
    if (language === 'javascript') {
      if (!MODULE_SYNTAX.test(source)) return { ok: true, compiled: { code: source, typeCheck: null } };
      const ts = await loadTs();
      const sf = ts.createSourceFile(SOLUTION_FILE.javascript, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
      if (!ts.isExternalModule(sf)) return { ok: true, compiled: { code: source, typeCheck: null } };
      return sucrase(await loadSucrase(), source, ['imports']);
    }
    // A checked source's type check is the checker thread's too: none here (JobMessage.syntaxChecked).
    const parsed = checked ? null : await parseTypeScript(source);
    const syntax = parsed?.syntax ?? { error: null, module: checked!.module };
    if (syntax.error) return { ok: false, error: syntax.error };
    const out = sucrase(await loadSucrase(), source, syntax.module ? ['typescript', 'imports'] : ['typescript']);
    if (!out.ok) return out;
    return { ok: true, compiled: { code: out.compiled.code, typeCheck: parsed?.typeWarnings ?? null } };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, error: NESTED_TOO_DEEPLY };
    throw e;
  }
}

// Parsers recurse: absurdly nested source ends here rather than in a crash.
const NESTED_TOO_DEEPLY: CompileError = { message: 'source is nested too deeply to compile', line: 1, column: 1 };

/**
 * A TypeScript source parsed once: the parser's verdict (its first syntax error, the message tsc
 * prints, and whether it is a module) and, on the same syntax tree, the type check as warnings
 * (`line:column message`; none for a source with a syntax error). The type check is costly and
 * unbounded in itself (a few lines of recursive types can keep the checker busy for minutes), so
 * the judge runs it on a type-check thread under a time budget (type-checker.ts), never where it
 * would hold a sandbox.
 */
export async function parseTypeScript(source: string): Promise<{ syntax: TypeScriptSyntax; typeWarnings: () => string[] }> {
  const ts = await loadTs();
  let sourceFile: TS.SourceFile;
  let errors: readonly TS.Diagnostic[];
  try {
    sourceFile = parseSolution(ts, source);
    errors = syntaxDiagnostics(ts, sourceFile);
  } catch (e) {
    if (e instanceof RangeError) return { syntax: { error: NESTED_TOO_DEEPLY, module: false }, typeWarnings: () => [] };
    throw e;
  }
  if (errors.length) return { syntax: { error: diagnosticToError(ts, errors[0]), module: false }, typeWarnings: () => [] };
  return {
    syntax: { error: null, module: ts.isExternalModule(sourceFile) },
    typeWarnings: () => typeWarnings(ts, createProgram(ts, sourceFile), sourceFile),
  };
}

function parseSolution(ts: typeof TS, source: string): TS.SourceFile {
  return ts.createSourceFile(`/${SOLUTION_FILE.typescript}`, source, ts.ScriptTarget.ES2023, false, ts.ScriptKind.TS);
}

function sucrase(lib: typeof import('sucrase'), source: string, transforms: Array<'typescript' | 'imports'>): CompileOutcome {
  try {
    const code = lib.transform(source, { transforms, disableESTransforms: true, keepUnusedImports: false }).code;
    return { ok: true, compiled: { code, typeCheck: null } };
  } catch (e) {
    const err = e as { message?: string; pos?: number };
    const message = String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, '');
    const { line, column } = positionOf(source, typeof err.pos === 'number' ? err.pos : 0);
    return { ok: false, error: { message: `SyntaxError: ${message}`, line, column } };
  }
}

/** 1-based line and column of a 0-based offset. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** V8 reports syntax errors as `message [solution.js:line:column]`. */
export function v8SyntaxError(message: string): CompileError {
  const m = /^(.*?)\s*\[[^\]]*?:(\d+):(\d+)\]$/s.exec(message);
  if (!m) return { message: `SyntaxError: ${message}`, line: 1, column: 1 };
  return { message: `SyntaxError: ${m[1]}`, line: Number(m[2]), column: Number(m[3]) };
}

// ---------------------------------------------------------------------------------------------
// Type checking. The lib .d.ts files are parsed once per process and their SourceFiles reused by
// every program; the compiler host serves nothing but them and the candidate's file, so a
// `/// <reference path>` or an import can never make the compiler read the host's files.

const GLOBALS_FILE = '/sandbox-globals.d.ts';
const GLOBALS_SOURCE = `
declare var input: string;
declare function readline(): string | undefined;
declare function print(...values: unknown[]): void;
interface Console { log(...values: unknown[]): void; info(...values: unknown[]): void; debug(...values: unknown[]): void; warn(...values: unknown[]): void; error(...values: unknown[]): void; trace(...values: unknown[]): void }
declare var console: Console;
declare var module: { exports: any };
declare var exports: any;
`;
const MAX_WARNINGS = 50;

const libCache = new Map<string, TS.SourceFile>();

function compilerOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts'],
    strict: true,
    noEmit: true,
    noResolve: true,
    types: [],
    skipLibCheck: true,
    allowJs: false,
    module: ts.ModuleKind.CommonJS,
  };
}

function createProgram(ts: typeof TS, sourceFile: TS.SourceFile): TS.Program {
  const options = compilerOptions(ts);
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  const solutionPath = sourceFile.fileName;
  const isLib = (f: string) => f.startsWith(`${libDir}/`) && /\/lib\.[\w.]+\.d\.ts$/.test(f) && !f.includes('..');
  const readLib = (f: string): string | undefined => (isLib(f) ? ts.sys.readFile(f) : undefined);
  const host: TS.CompilerHost = {
    getSourceFile(fileName) {
      if (fileName === solutionPath) return sourceFile;
      const cached = libCache.get(fileName);
      if (cached) return cached;
      const text = fileName === GLOBALS_FILE ? GLOBALS_SOURCE : readLib(fileName);
      if (text === undefined) return undefined;
      const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2023, false);
      libCache.set(fileName, sf);
      return sf;
    },
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    getDefaultLibLocation: () => libDir,
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => f === solutionPath || f === GLOBALS_FILE || (isLib(f) && ts.sys.fileExists(f)),
    readFile: (f) => (f === GLOBALS_FILE ? GLOBALS_SOURCE : readLib(f)),
    directoryExists: () => false,
    getDirectories: () => [],
  };
  return ts.createProgram({ rootNames: [solutionPath, GLOBALS_FILE], options, host });
}

/**
 * The syntax errors of the candidate's file alone: a program of that file with no lib files and
 * nothing resolved. What compiling in a sandbox child needs; the full program (the lib files
 * parsed, ~0.3 s of a new child's CPU and their syntax trees kept in it) only for the type check,
 * which runs on its own thread.
 */
function syntaxDiagnostics(ts: typeof TS, sourceFile: TS.SourceFile): readonly TS.Diagnostic[] {
  const host: TS.CompilerHost = {
    getSourceFile: (fileName) => (fileName === sourceFile.fileName ? sourceFile : undefined),
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => f === sourceFile.fileName,
    readFile: () => undefined,
    directoryExists: () => false,
    getDirectories: () => [],
  };
  const program = ts.createProgram({ rootNames: [sourceFile.fileName], options: { ...compilerOptions(ts), noLib: true, lib: undefined }, host });
  return program.getSyntacticDiagnostics(sourceFile);
}

function diagnosticToError(ts: typeof TS, d: TS.Diagnostic): CompileError {
  const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  return { message: `SyntaxError: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`, line: pos.line + 1, column: pos.character + 1 };
}

function typeWarnings(ts: typeof TS, program: TS.Program, sourceFile: TS.SourceFile): string[] {
  const diags = program.getSemanticDiagnostics(sourceFile);
  const out = diags.slice(0, MAX_WARNINGS).map((d) => {
    const pos = d.start !== undefined ? sourceFile.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    return `${pos.line + 1}:${pos.character + 1} ${text.length > 500 ? `${text.slice(0, 500)}…` : text}`;
  });
  if (diags.length > MAX_WARNINGS) out.push(`… and ${diags.length - MAX_WARNINGS} more type errors`);
  return out;
}

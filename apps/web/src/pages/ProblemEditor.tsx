import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { problemMetaSchema, validationReportSchema, type ValidationReport } from '@app/contracts';
import { graphql } from '../gql';
import type { ProblemEditorProblemQuery, ProblemValidationStatus } from '../gql/graphql';
import { gql, useQuery } from '../api';
import { check, fieldOf, issuesError, issuesOf, type FieldIssue } from '../forms';
import { ErrorBox, Loading, Page, label } from '../ui';

/**
 * The problem editor: the judge document as a form (statement, limits, checker, languages with
 * their entry points, signatures and starters, tests as JSON, reference solutions), saved through
 * createProblem/updateProblem and then validated (validateProblem): every reference solution is
 * judged against every test, and the report shows each one's verdict per test.
 */

const PROBLEM = graphql(`
  query ProblemEditorProblem($id: ID!) {
    problem(id: $id) {
      id
      slug
      title
      difficulty
      tags
      version
      definition
      referenceSolutions {
        language
        source
      }
      validationStatus
      validationReport
    }
  }
`);
const CREATE = graphql(`
  mutation ProblemEditorCreate($i: ProblemInput!) {
    createProblem(input: $i) {
      id
    }
  }
`);
const UPDATE = graphql(`
  mutation ProblemEditorUpdate($id: ID!, $i: ProblemInput!) {
    updateProblem(id: $id, input: $i) {
      id
      version
    }
  }
`);
const VALIDATE = graphql(`
  mutation ProblemEditorValidate($id: ID!) {
    validateProblem(id: $id) {
      id
      validationStatus
    }
  }
`);

type Problem = ProblemEditorProblemQuery['problem'];
type Mode = 'function' | 'stdio' | 'sql';
const LANGUAGES = ['javascript', 'typescript', 'python', 'sql'] as const;
type Lang = (typeof LANGUAGES)[number];
const CODE_LANGUAGES: Lang[] = ['javascript', 'typescript', 'python'];
const LIMITS = [
  ['timeMs', 'Time per test (ms)', 2000],
  ['memoryMb', 'Memory (MB)', 64],
  ['outputKb', 'Output (KiB)', 64],
  ['resultKb', 'Result (KiB)', 1024],
  ['sourceKb', 'Source (KiB)', 64],
] as const;
type LimitKey = (typeof LIMITS)[number][0];
const CHECKERS = ['exact', 'unordered', 'float', 'tokens'] as const;
type CheckerType = (typeof CHECKERS)[number];
const LANGUAGE_NAMES: Record<Lang, string> = { javascript: 'JavaScript', typescript: 'TypeScript', python: 'Python', sql: 'SQL' };

/** Example tests per mode: a new problem starts with them, and switching mode swaps them while untouched. */
const TEST_TEMPLATES: Record<Mode, unknown[]> = {
  function: [
    { name: 'example', category: 'examples', hidden: false, args: [1, 2], expected: 3 },
    { name: 'negative numbers', hidden: true, args: [-1, -2], expected: -3 },
  ],
  stdio: [
    { name: 'example', category: 'examples', hidden: false, stdin: '1 2\n', expected: '3\n' },
    { name: 'negative numbers', hidden: true, stdin: '-1 -2\n', expected: '-3\n' },
  ],
  sql: [
    { name: 'example', category: 'examples', hidden: false, data: { t: [[1], [2]] }, expected: { columns: ['total'], rows: [[3]] } },
    { name: 'empty table', hidden: true, data: { t: [] }, expected: { columns: ['total'], rows: [[null]] } },
  ],
};
const json = (v: unknown) => JSON.stringify(v, null, 2);

interface Draft {
  slug: string;
  title: string;
  difficulty: string;
  tags: string;
  statement: string;
  mode: Mode;
  entryPoint: string;
  languages: Lang[];
  entryPoints: Partial<Record<Lang, string>>;
  signatures: Partial<Record<Lang, string>>;
  starters: Partial<Record<Lang, string>>;
  schema: string;
  checkColumnNames: boolean;
  limits: Record<LimitKey, string>;
  checker: CheckerType;
  epsilon: string;
  tests: string;
  references: { language: Lang; source: string }[];
}

const NEW_DRAFT: Draft = {
  slug: '',
  title: '',
  difficulty: 'Easy',
  tags: '',
  statement: '',
  mode: 'function',
  entryPoint: 'solve',
  languages: [...CODE_LANGUAGES],
  entryPoints: {},
  signatures: {},
  starters: {},
  schema: 'CREATE TABLE t (x INTEGER);',
  checkColumnNames: false,
  limits: { timeMs: '', memoryMb: '', outputKb: '', resultKb: '', sourceKb: '' },
  checker: 'exact',
  epsilon: '',
  tests: json(TEST_TEMPLATES.function),
  references: [{ language: 'javascript', source: 'function solve(a, b) {\n  return a + b;\n}\n' }],
};

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isLang = (l: unknown): l is Lang => (LANGUAGES as readonly unknown[]).includes(l);
const perLanguage = (v: unknown): Partial<Record<Lang, string>> =>
  Object.fromEntries(Object.entries(obj(v)).filter((e): e is [Lang, string] => isLang(e[0]) && typeof e[1] === 'string'));

/** A stored problem as the form edits it (the document is the judge's: see libs/sandbox/README.md). */
function fromProblem(p: Problem): Draft {
  const d = obj(p.definition);
  const mode: Mode = d.mode === 'stdio' || d.mode === 'sql' ? d.mode : 'function';
  const limits = obj(d.limits);
  const checker = obj(d.checker);
  const languages = Array.isArray(d.languages) ? d.languages.filter(isLang) : mode === 'sql' ? (['sql'] as Lang[]) : [...CODE_LANGUAGES];
  return {
    slug: p.slug,
    title: p.title,
    difficulty: p.difficulty,
    tags: p.tags.join(', '),
    statement: str(d.statement),
    mode,
    entryPoint: str(d.entryPoint),
    languages,
    entryPoints: perLanguage(d.entryPoints),
    signatures: perLanguage(d.signatures),
    starters: perLanguage(d.starters),
    schema: str(d.schema),
    checkColumnNames: d.checkColumnNames === true,
    limits: Object.fromEntries(LIMITS.map(([k]) => [k, typeof limits[k] === 'number' ? String(limits[k]) : ''])) as Record<
      LimitKey,
      string
    >,
    checker: CHECKERS.find((c) => c === checker.type) ?? 'exact',
    epsilon: typeof checker.epsilon === 'number' ? String(checker.epsilon) : '',
    tests: json(d.tests ?? []),
    references: p.referenceSolutions.map((r) => ({ language: isLang(r.language) ? r.language : 'javascript', source: r.source })),
  };
}

/** A number field as the document wants it: left empty, the judge's default applies. */
const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s));
const onlyOffered = (m: Partial<Record<Lang, string>>, langs: Lang[]) => {
  const kept = Object.entries(m).filter(([l, v]) => langs.includes(l as Lang) && v?.trim());
  return kept.length ? Object.fromEntries(kept) : undefined;
};

/** The judge document and the bank fields the API takes; issues for what cannot be sent at all (tests that are not JSON). */
function toInput(d: Draft): {
  input: { definition: unknown; difficulty: string; tags: string[]; referenceSolutions: Draft['references'] };
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  let tests: unknown = [];
  try {
    tests = JSON.parse(d.tests);
  } catch (e) {
    issues.push({ field: 'definition.tests', message: `is not valid JSON: ${(e as Error).message}` });
  }
  const limits = Object.fromEntries(LIMITS.map(([k]) => [k, numberOrUndefined(d.limits[k])]).filter(([, v]) => v !== undefined));
  const definition: Record<string, unknown> = {
    slug: d.slug.trim(),
    title: d.title.trim(),
    statement: d.statement,
    mode: d.mode,
    languages: d.languages,
    limits,
    checker: d.checker === 'float' ? { type: 'float', epsilon: numberOrUndefined(d.epsilon) } : { type: d.checker },
    signatures: onlyOffered(d.signatures, d.languages),
    starters: onlyOffered(d.starters, d.languages),
    tests,
  };
  if (d.mode === 'function') {
    definition.entryPoint = d.entryPoint.trim();
    definition.entryPoints = onlyOffered(
      d.entryPoints,
      d.languages.filter((l) => l !== 'sql'),
    );
  }
  if (d.mode === 'sql') {
    definition.schema = d.schema;
    definition.checkColumnNames = d.checkColumnNames;
  }
  const tags = d.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return { input: { definition, difficulty: d.difficulty.trim(), tags, referenceSolutions: d.references }, issues };
}

export function NewProblemPage() {
  return (
    <Page title="New problem">
      <ProblemForm />
    </Page>
  );
}

export function EditProblemPage({ id }: { id: string }) {
  const { data, error, reload } = useQuery(PROBLEM, { id });
  const problem = data?.problem;
  const validating = problem?.validationStatus === 'VALIDATING';
  // The worker judges the references through the queue: ask again until the report is in.
  useEffect(() => {
    if (!validating) return;
    const t = setInterval(reload, 1000);
    return () => clearInterval(t);
  }, [validating, reload]);
  return (
    <Page title={problem ? `Edit problem: ${problem.title}` : 'Edit problem'}>
      <ErrorBox error={error} />
      {!problem && !error && <Loading />}
      {problem && (
        <div className="editor-layout">
          <ProblemForm key={`${problem.id}:${problem.version}`} problem={problem} onSaved={reload} />
          <ValidationPanel problem={problem} />
        </div>
      )}
    </Page>
  );
}

function ProblemForm({ problem, onSaved }: { problem?: Problem; onSaved?: () => void }) {
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(() => (problem ? fromProblem(problem) : NEW_DRAFT));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const f = (field: string, id: string, under = false) => fieldOf(issues, field, id, under);

  const setMode = (mode: Mode) =>
    setD((x) => ({
      ...x,
      mode,
      languages: mode === 'sql' ? ['sql'] : x.mode === 'sql' ? [...CODE_LANGUAGES] : x.languages,
      tests: x.tests === json(TEST_TEMPLATES[x.mode]) ? json(TEST_TEMPLATES[mode]) : x.tests,
      references: x.references.map((r) => ({ ...r, language: mode === 'sql' ? 'sql' : r.language === 'sql' ? 'javascript' : r.language })),
    }));
  const toggleLanguage = (l: Lang, on: boolean) =>
    set('languages', on ? LANGUAGES.filter((x) => x === l || d.languages.includes(x)) : d.languages.filter((x) => x !== l));
  const setPer = (k: 'entryPoints' | 'signatures' | 'starters', l: Lang, v: string) => setD((x) => ({ ...x, [k]: { ...x[k], [l]: v } }));
  const setRef = (i: number, r: Partial<Draft['references'][number]>) =>
    set(
      'references',
      d.references.map((x, j) => (j === i ? { ...x, ...r } : x)),
    );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const { input, issues: own } = toInput(d);
    // The bank's own fields with the API's schema (@app/contracts); the judge document is checked by the API.
    const found = [...own, ...(check(problemMetaSchema, input) ?? [])];
    setIssues(found);
    if (found.length) {
      setError(issuesError(found));
      return;
    }
    setBusy(true);
    try {
      const id = problem
        ? (await gql(UPDATE, { id: problem.id, i: input })).updateProblem.id
        : (await gql(CREATE, { i: input })).createProblem.id;
      await gql(VALIDATE, { id });
      if (problem) onSaved?.();
      else void navigate(`/recruiter/problems/${id}/edit`, { replace: true });
    } catch (err) {
      setIssues(issuesOf(err));
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const offered = d.languages;
  const tests = parsedTests(d.tests);
  const testsField = f('definition.tests', 'p-tests', true);
  return (
    <form className="card problem-form" onSubmit={onSubmit} aria-label="Problem" noValidate>
      <fieldset>
        <legend>Problem</legend>
        <div className="row">
          <label>
            Title
            <input value={d.title} onChange={(e) => set('title', e.target.value)} {...f('definition.title', 'p-title').input} />
            {f('definition.title', 'p-title').message}
          </label>
          <label>
            Slug (lowercase words joined by hyphens)
            <input value={d.slug} onChange={(e) => set('slug', e.target.value)} {...f('definition.slug', 'p-slug').input} />
            {f('definition.slug', 'p-slug').message}
          </label>
        </div>
        <div className="row">
          <label>
            Difficulty
            <input value={d.difficulty} onChange={(e) => set('difficulty', e.target.value)} {...f('difficulty', 'p-difficulty').input} />
            {f('difficulty', 'p-difficulty').message}
          </label>
          <label>
            Tags (comma separated)
            <input value={d.tags} onChange={(e) => set('tags', e.target.value)} {...f('tags', 'p-tags', true).input} />
            {f('tags', 'p-tags', true).message}
          </label>
        </div>
        <label>
          Statement (Markdown)
          <textarea
            value={d.statement}
            onChange={(e) => set('statement', e.target.value)}
            rows={8}
            {...f('definition.statement', 'p-statement').input}
          />
          {f('definition.statement', 'p-statement').message}
        </label>
      </fieldset>

      <fieldset>
        <legend>Judging</legend>
        <div className="row">
          <label>
            Mode
            <select value={d.mode} onChange={(e) => setMode(e.target.value as Mode)} {...f('definition.mode', 'p-mode').input}>
              <option value="function">Function (arguments in, value out)</option>
              <option value="stdio">Standard input and output</option>
              <option value="sql">SQL (SQLite query)</option>
            </select>
            {f('definition.mode', 'p-mode').message}
          </label>
          {d.mode === 'function' && (
            <label>
              Entry point (function name)
              <input
                value={d.entryPoint}
                onChange={(e) => set('entryPoint', e.target.value)}
                {...f('definition.entryPoint', 'p-entry').input}
              />
              {f('definition.entryPoint', 'p-entry').message}
            </label>
          )}
          <label>
            Checker
            <select
              value={d.checker}
              onChange={(e) => set('checker', e.target.value as CheckerType)}
              {...f('definition.checker', 'p-checker', true).input}
            >
              {CHECKERS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            {f('definition.checker', 'p-checker', true).message}
          </label>
          {d.checker === 'float' && (
            <label>
              Epsilon
              <input inputMode="decimal" value={d.epsilon} onChange={(e) => set('epsilon', e.target.value)} placeholder="0.000001" />
            </label>
          )}
        </div>
        <div className="limits">
          {LIMITS.map(([k, text, def]) => (
            <label key={k}>
              {text}
              <input
                inputMode="numeric"
                value={d.limits[k]}
                placeholder={String(def)}
                onChange={(e) => set('limits', { ...d.limits, [k]: e.target.value })}
                {...f(`definition.limits.${k}`, `p-limit-${k}`).input}
              />
              {f(`definition.limits.${k}`, `p-limit-${k}`).message}
            </label>
          ))}
        </div>
        <p className="muted small">Limits left empty take the judge's default (shown in grey).</p>
        {d.mode === 'sql' && (
          <>
            <label>
              Schema (SQL run before each test's rows)
              <textarea
                className="mono"
                value={d.schema}
                onChange={(e) => set('schema', e.target.value)}
                rows={5}
                spellCheck={false}
                {...f('definition.schema', 'p-schema').input}
              />
              {f('definition.schema', 'p-schema').message}
            </label>
            <label className="inline">
              <input type="checkbox" checked={d.checkColumnNames} onChange={(e) => set('checkColumnNames', e.target.checked)} />
              Compare result column names too
            </label>
          </>
        )}
      </fieldset>

      <fieldset aria-describedby={f('definition.languages', 'p-languages', true).message ? 'p-languages-error' : undefined}>
        <legend>Languages</legend>
        <div className="row">
          {LANGUAGES.filter((l) => (d.mode === 'sql') === (l === 'sql')).map((l) => (
            <label key={l} className="inline">
              <input type="checkbox" checked={offered.includes(l)} onChange={(e) => toggleLanguage(l, e.target.checked)} />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
        </div>
        {f('definition.languages', 'p-languages', true).message}
        {offered.map((l) => (
          <details key={l} className="per-language">
            <summary>{LANGUAGE_NAMES[l]}: signature and starter code</summary>
            {d.mode === 'function' && l !== 'sql' && (
              <label>
                Entry point in {LANGUAGE_NAMES[l]} (optional: when it differs from {d.entryPoint || 'the entry point'})
                <input
                  value={d.entryPoints[l] ?? ''}
                  onChange={(e) => setPer('entryPoints', l, e.target.value)}
                  {...f(`definition.entryPoints.${l}`, `p-ep-${l}`).input}
                />
                {f(`definition.entryPoints.${l}`, `p-ep-${l}`).message}
              </label>
            )}
            <label>
              Signature shown to the candidate
              <input
                value={d.signatures[l] ?? ''}
                onChange={(e) => setPer('signatures', l, e.target.value)}
                {...f(`definition.signatures.${l}`, `p-sig-${l}`).input}
              />
              {f(`definition.signatures.${l}`, `p-sig-${l}`).message}
            </label>
            <label>
              Starter code
              <textarea
                className="mono"
                rows={5}
                spellCheck={false}
                value={d.starters[l] ?? ''}
                onChange={(e) => setPer('starters', l, e.target.value)}
                {...f(`definition.starters.${l}`, `p-starter-${l}`).input}
              />
              {f(`definition.starters.${l}`, `p-starter-${l}`).message}
            </label>
          </details>
        ))}
      </fieldset>

      <fieldset>
        <legend>Tests</legend>
        <label>
          Tests (JSON array)
          <textarea
            className="mono"
            value={d.tests}
            onChange={(e) => set('tests', e.target.value)}
            rows={14}
            spellCheck={false}
            {...testsField.input}
            aria-describedby={[testsField.input['aria-describedby'], 'p-tests-hint'].filter(Boolean).join(' ')}
          />
          {testsField.message}
        </label>
        <p id="p-tests-hint" className="muted small">
          Each test has a <code>name</code>, <code>hidden</code> (true or false; left out, the test is hidden) and{' '}
          {d.mode === 'function' ? (
            <>
              <code>args</code> and <code>expected</code>
            </>
          ) : d.mode === 'stdio' ? (
            <>
              <code>stdin</code> and the <code>expected</code> output
            </>
          ) : (
            <>
              <code>data</code> (rows per table) and <code>expected</code> (columns and rows)
            </>
          )}
          ; optionally a <code>category</code> and a <code>weight</code>.
        </p>
        {tests && (
          <p className="muted small" data-testid="tests-summary">
            {tests.length} tests: {tests.filter((t) => t.hidden !== false).length} hidden, {tests.filter((t) => t.hidden === false).length}{' '}
            visible to the candidate.
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>Reference solutions</legend>
        <p className="muted small">Each one is judged against every test when you save; the problem is VALID when all pass.</p>
        {f('referenceSolutions', 'p-refs').message}
        {d.references.map((r, i) => (
          <div key={i} className="reference">
            <div className="row">
              <label>
                Language of solution {i + 1}
                <select
                  value={r.language}
                  onChange={(e) => setRef(i, { language: e.target.value as Lang })}
                  {...f(`referenceSolutions.${i}.language`, `p-ref-${i}-language`).input}
                >
                  {LANGUAGES.filter((l) => offered.includes(l) || l === r.language).map((l) => (
                    <option key={l} value={l}>
                      {LANGUAGE_NAMES[l]}
                    </option>
                  ))}
                </select>
                {f(`referenceSolutions.${i}.language`, `p-ref-${i}-language`).message}
              </label>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  set(
                    'references',
                    d.references.filter((_, j) => j !== i),
                  )
                }
                disabled={d.references.length === 1}
              >
                Remove solution {i + 1}
              </button>
            </div>
            <label>
              Source of solution {i + 1}
              <textarea
                className="mono"
                rows={8}
                spellCheck={false}
                value={r.source}
                onChange={(e) => setRef(i, { source: e.target.value })}
                {...f(`referenceSolutions.${i}.source`, `p-ref-${i}-source`).input}
              />
              {f(`referenceSolutions.${i}.source`, `p-ref-${i}-source`).message}
            </label>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => set('references', [...d.references, { language: offered[0] ?? 'javascript', source: '' }])}
          disabled={d.references.length >= 5}
        >
          Add a reference solution
        </button>
      </fieldset>

      <ErrorBox error={error} />
      <div className="row">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : problem ? 'Save and validate' : 'Create and validate'}
        </button>
        <Link to="/recruiter/problems">Back to the problem bank</Link>
      </div>
    </form>
  );
}

function parsedTests(text: string): { hidden?: unknown }[] | null {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.map(obj) : null;
  } catch {
    return null;
  }
}

const STATUS_TEXT: Record<ProblemValidationStatus, string> = {
  PENDING: 'Not validated yet: save to validate.',
  VALIDATING: 'Validating: the reference solutions are being judged…',
  VALID: 'Every reference solution passes every test. The problem can go into assessments.',
  INVALID: 'A reference solution failed, or a known-wrong solution was not caught as its label says: fix it (or the tests) and save again.',
};

/** The last validation: per reference solution its verdict, and per test its status. */
export function ValidationPanel({ problem }: { problem: Problem }) {
  const parsed = validationReportSchema.safeParse(problem.validationReport);
  const report = parsed.success ? parsed.data : null;
  const hidden = new Map(
    (Array.isArray(obj(problem.definition).tests) ? (obj(problem.definition).tests as unknown[]) : []).map((t) => [
      str(obj(t).name),
      obj(t).hidden !== false,
    ]),
  );
  const status = problem.validationStatus;
  return (
    <section className="card validation" aria-labelledby="validation-title">
      <h2 id="validation-title">Validation of version {problem.version}</h2>
      <p role="status" aria-live="polite">
        <span className={`badge ${status === 'VALID' ? 'ok' : status === 'INVALID' ? 'bad' : ''}`} data-testid="validation-status">
          {status}
        </span>{' '}
        {STATUS_TEXT[status]}
      </p>
      {report &&
        report.version === problem.version &&
        status !== 'VALIDATING' &&
        report.solutions.map((s, i) => <SolutionReport key={s.submissionId} n={i + 1} s={s} hidden={hidden} />)}
      {report && report.version === problem.version && status !== 'VALIDATING' && <DiscriminationReport report={report} />}
    </section>
  );
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/** Known-wrong solutions (how each failed, and whether as its label says), calibrated limits, problems and warnings. */
function DiscriminationReport({ report }: { report: ValidationReport }) {
  const wrong = report.wrongSolutions ?? [];
  const calibration = report.calibration ?? [];
  const notes = [...(report.problems ?? []), ...(report.warnings ?? [])];
  if (!wrong.length && !calibration.length && !notes.length) return null;
  return (
    <div data-testid="discrimination-report">
      {notes.length > 0 && (
        <ul className="small">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {wrong.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Known-wrong solutions: each must fail as its label says (“slow”: on time, on a performance test)</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Language</th>
                <th scope="col">Verdict</th>
                <th scope="col">Score</th>
                <th scope="col">Correctness / performance</th>
                <th scope="col">First failing test</th>
                <th scope="col">As labelled</th>
              </tr>
            </thead>
            <tbody>
              {wrong.map((w) => (
                <tr key={`${w.label}.${w.language}`}>
                  <td>{w.label}</td>
                  <td>{w.language}</td>
                  <td>{w.verdict}</td>
                  <td>
                    {w.score}
                    {w.discriminationWarning ? ' (warning: above 0.7)' : ''}
                  </td>
                  <td>
                    {pct(w.correctness)} / {pct(w.performance)}
                  </td>
                  <td className="small">{w.firstFailing ? `${w.firstFailing.name} (${w.firstFailing.kind}${w.firstFailing.category ? `, ${w.firstFailing.category}` : ''}): ${w.firstFailing.status}` : '–'}</td>
                  <td>{w.ok ? 'yes' : `no: ${w.reason ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {calibration.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Performance tests: CPU-time limits calibrated on the references (max(3 × median, median + 50 ms))</caption>
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Language</th>
                <th scope="col">Reference median</th>
                <th scope="col">Limit</th>
              </tr>
            </thead>
            <tbody>
              {calibration.map((c) => (
                <tr key={`${c.test}.${c.language}`}>
                  <td>{c.test}</td>
                  <td>{c.language}</td>
                  <td>{c.referenceMedianMs} ms</td>
                  <td>{c.limitMs} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function SolutionReport({ n, s, hidden }: { n: number; s: ValidationReport['solutions'][number]; hidden: Map<string, boolean> }) {
  const failing = new Map(s.failing.map((t) => [t.name, t]));
  // Reports written before they listed every test: the failing ones, and the rest passed.
  const tests =
    s.tests ?? (s.compileError ? s.failing : [...hidden.keys()].map((name) => ({ name, status: failing.get(name)?.status ?? 'ACCEPTED' })));
  return (
    <div className="solution-report">
      <h3>
        Solution {n} ({s.language}):{' '}
        <span className={`badge verdict ${s.verdict === 'ACCEPTED' ? 'ok' : 'bad'}`}>{(s.verdict ?? 'no verdict').replace(/_/g, ' ')}</span>{' '}
        <span className="muted small">
          {s.passed ?? 0}/{s.total ?? 0} tests passed
        </span>
      </h3>
      {s.compileError && (
        <pre className="wrap small">
          {s.compileError.line != null ? `line ${s.compileError.line}: ` : ''}
          {s.compileError.message}
        </pre>
      )}
      {tests.length > 0 && (
        <div className="table-wrap">
          <table aria-label={`Tests of solution ${n} (${s.language})`} className="results">
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Visibility</th>
                <th scope="col">Status</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {tests.map((t) => (
                <tr key={t.name}>
                  <td>{t.name}</td>
                  <td>{hidden.get(t.name) === false ? 'visible' : 'hidden'}</td>
                  <td>
                    <span className={`badge verdict ${t.status === 'ACCEPTED' ? 'ok' : 'bad'}`}>{label(t.status)}</span>
                  </td>
                  <td className="small">{failing.get(t.name)?.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

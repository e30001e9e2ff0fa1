import { graphql } from '../gql';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { gql, subscribe, useQuery, type ApiError } from '../api';
import type { AttemptProblemFieldsFragment, AttemptSubmissionFragment, CustomInput, Language } from '../gql/graphql';
import { CodeEditor } from '../editor';
import { Link } from 'react-router';
import { Markdown } from '../markdown';
import { useAsk, ErrorBox, Loading, Page, VerdictBadge, label } from '../ui';

graphql(`
  fragment AttemptSubmission on Submission {
    id
    kind
    problemId
    language
    state
    verdict
    score
    passed
    total
    createdAt
    compileError {
      message
      line
      column
    }
    warnings
    results {
      name
      category
      status
      hidden
      timeMs
      actual
      output
      message
    }
  }
`);
graphql(`
  fragment AttemptProblemFields on AttemptProblem {
    problemId
    position
    title
    slug
    statement
    mode
    entryPoint
    languages
    entryPoints {
      language
      text
    }
    starters {
      language
      text
    }
    schema
    points
    bestScore
    timeLimitMs
    examples {
      name
      args
      stdin
      tables {
        name
        columns
        rows
      }
      expected
    }
    hiddenTests {
      category
      count
    }
  }
`);
const ATTEMPT = graphql(`
  query AttemptMyAttempt($id: ID!) {
    myAttempt(id: $id) {
      id
      title
      instructions
      status
      deadline
      secondsLeft
      serverTime
      durationMinutes
      problems {
        ...AttemptProblemFields
      }
      submissions {
        ...AttemptSubmission
      }
    }
  }
`);

type Problem = AttemptProblemFieldsFragment;
type Submission = AttemptSubmissionFragment;

/** The display name of each language of the API's `Language` enum: a language the API adds fails the type-check until it is named here. */
const LANGUAGES: Record<Language, string> = { JAVASCRIPT: 'JavaScript', TYPESCRIPT: 'TypeScript', PYTHON: 'Python', SQL: 'SQL' };
const isLanguage = (x: unknown): x is Language => typeof x === 'string' && x in LANGUAGES;
/** The problem's languages (lower-case in AttemptProblem.languages, as CodeInput takes them) as enum names, in its order. */
const offered = (p: Problem): Language[] => p.languages.map((l) => l.toUpperCase()).filter(isLanguage);
const textFor = (texts: Problem['starters'], language: Language) => texts.find((t) => t.language.toUpperCase() === language)?.text;

function starter(p: Problem, language: Language): string {
  const own = textFor(p.starters, language);
  if (own !== undefined) return own;
  if (language === 'SQL') return '-- Your query here.\nSELECT 1;\n';
  if (language === 'PYTHON') {
    const name = textFor(p.entryPoints, language);
    return p.mode === 'function' && name ? `def ${name}():\n    pass\n` : '# Read standard input with input() or sys.stdin; print the answer.\n';
  }
  if (p.mode === 'function' && p.entryPoint) return `function ${p.entryPoint}() {\n  \n}\n`;
  return `// The whole standard input is in \`input\`; print the answer with console.log.\n`;
}

/** The code per language, so switching language loads that language's starter and switching back keeps what was written. */
interface Draft {
  language: Language;
  sources: Partial<Record<Language, string>>;
}
const draftKey = (attemptId: string, problemId: string) => `hp.draft.${attemptId}.${problemId}`;
function loadDraft(attemptId: string, p: Problem): Draft {
  const languages = offered(p);
  const first = languages[0] ?? 'JAVASCRIPT';
  try {
    const d = JSON.parse(localStorage.getItem(draftKey(attemptId, p.problemId)) ?? 'null') as (Partial<Draft> & { source?: unknown }) | null;
    // Drafts saved before the enum was used carry lower-case names.
    const saved = typeof d?.language === 'string' ? d.language.toUpperCase() : '';
    const language = isLanguage(saved) && languages.includes(saved) ? saved : first;
    if (d && typeof d.sources === 'object' && d.sources) return { language, sources: d.sources };
    // Drafts saved before per-language code held one source.
    if (d && typeof d.source === 'string') return { language, sources: { [language]: d.source } };
  } catch {
    /* a broken draft falls back to the starter */
  }
  return { language: first, sources: {} };
}

function useCountdown(secondsLeft: number | null | undefined, onZero: () => void): number | null {
  const end = useMemo(() => (secondsLeft == null ? null : Date.now() + secondsLeft * 1000), [secondsLeft]);
  const [now, setNow] = useState(Date.now());
  const fired = useRef(false);
  useEffect(() => {
    if (end == null) return;
    fired.current = false;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [end]);
  const left = end == null ? null : Math.max(0, Math.round((end - now) / 1000));
  useEffect(() => {
    if (left === 0 && !fired.current) {
      fired.current = true;
      onZero();
    }
  }, [left, onZero]);
  return left;
}

const clock = (s: number) =>
  `${Math.floor(s / 3600) ? `${Math.floor(s / 3600)}:` : ''}${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

export function AttemptPage({ id }: { id: string }) {
  const [ask, dialog] = useAsk();
  const { data, error, loading, reload } = useQuery(ATTEMPT, { id });
  const attempt = data?.myAttempt;
  const [live, setLive] = useState<Record<string, Submission>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const onZero = useCallback(() => setTimeout(reload, 1500), [reload]);
  const left = useCountdown(attempt?.status === 'IN_PROGRESS' ? attempt.secondsLeft : null, onZero);
  const unsubs = useRef<(() => void)[]>([]);
  useEffect(() => () => unsubs.current.forEach((u) => u()), []);

  const followed = useRef(new Set<string>());
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const follow = useCallback((s: Submission) => {
    setLive((m) => ({ ...m, [s.id]: m[s.id]?.state === 'FINISHED' ? m[s.id] : s }));
    if (s.state === 'FINISHED' || followed.current.has(s.id)) return;
    followed.current.add(s.id);
    const stop = subscribe(
      graphql(`
        subscription AttemptSubmissionUpdated($id: ID!) {
          submissionUpdated(id: $id) {
            ...AttemptSubmission
          }
        }
      `),
      { id: s.id },
      (d) => {
        const u = d.submissionUpdated;
        setLive((m) => ({ ...m, [u.id]: u }));
        // A scored verdict changes the best score shown on the problem tabs.
        if (u.state === 'FINISHED' && u.kind === 'SUBMISSION') reloadRef.current();
      },
    );
    unsubs.current.push(stop);
  }, []);

  useEffect(() => {
    attempt?.submissions.forEach((s) => {
      if (s.state !== 'FINISHED') follow(s);
    });
  }, [attempt, follow]);

  if (loading && !attempt) return <Loading />;
  if (error || !attempt) return <ErrorBox error={error ?? 'Not found'} />;

  const problem = attempt.problems.find((p) => p.problemId === selected) ?? attempt.problems[0];
  const all = new Map<string, Submission>();
  attempt.submissions.forEach((s) => all.set(s.id, s));
  Object.values(live).forEach((s) => all.set(s.id, s));
  const mine = [...all.values()]
    .filter((s) => problem && s.problemId === problem.problemId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const open = attempt.status === 'IN_PROGRESS' && left !== 0;

  const finish = async () => {
    if (!(await ask({ title: 'Finish the assessment now?', body: 'You cannot submit afterwards.', confirm: 'Finish now' }))) return;
    await gql(
      graphql(`
        mutation AttemptFinishAssessment($id: ID!) {
          finishAssessment(attemptId: $id) {
            status
          }
        }
      `),
      { id: attempt.id },
    );
    reload();
  };

  return (
    <Page
      title={attempt.title}
      actions={
        <div className="timer-bar">
          {attempt.status === 'IN_PROGRESS' && left != null && (
            <span role="timer" aria-live="off" className={`timer ${left < 300 ? 'urgent' : ''}`} data-testid="countdown">
              Time left {clock(left)}
            </span>
          )}
          <span className="badge" data-testid="attempt-status">
            {label(attempt.status)}
          </span>
          {attempt.status === 'IN_PROGRESS' && (
            <button type="button" className="secondary" onClick={finish}>
              Finish now
            </button>
          )}
        </div>
      }
    >
      {dialog}
      {attempt.status === 'FINISHED' && (
        <p className="notice" role="status">
          This assessment is finished. Your best submission per problem counts. <Link to="/applications">Back to my applications</Link>
        </p>
      )}
      <details className="card">
        <summary>Instructions</summary>
        <Markdown source={attempt.instructions} />
      </details>
      <ProblemTabs problems={attempt.problems} selected={problem?.problemId} onSelect={setSelected} />
      {problem && (
        <div role="tabpanel" id={`panel-${problem.problemId}`} aria-labelledby={`tab-${problem.problemId}`}>
          <ProblemPanel key={problem.problemId} attemptId={attempt.id} problem={problem} open={open} submissions={mine} onCreated={follow} />
        </div>
      )}
    </Page>
  );
}

/**
 * The WAI-ARIA tabs pattern: one tab stop (the selected tab); arrow keys, Home and End move
 * between problems and select them at once (switching is cheap and keeps the draft).
 */
const PRACTICE = graphql(`
  query AttemptPracticeProblems($id: ID!) {
    practiceProblems(attemptId: $id) {
      ...AttemptProblemFields
    }
  }
`);

/**
 * Warm-up before an assessment (HackerRank and Codility offer one): the bank's practice
 * problems, judged on every test like the real ones but never scored, in no attempt's results,
 * and without starting the timer. Opened from the invitation page.
 */
export function PracticePage({ attemptId }: { attemptId: string }) {
  const { data, error, loading } = useQuery(PRACTICE, { id: attemptId });
  const [selected, setSelected] = useState<string | null>(null);
  const [mine, setMine] = useState<Record<string, Submission>>({});
  const unsubs = useRef<(() => void)[]>([]);
  useEffect(() => () => unsubs.current.forEach((u) => u()), []);
  const follow = useCallback((s: Submission) => {
    setMine((m) => ({ ...m, [s.id]: s }));
    if (s.state === 'FINISHED') return;
    unsubs.current.push(
      subscribe(
        graphql(`
          subscription AttemptPracticeUpdated($id: ID!) {
            submissionUpdated(id: $id) {
              ...AttemptSubmission
            }
          }
        `),
        { id: s.id },
        (d) => setMine((m) => ({ ...m, [d.submissionUpdated.id]: d.submissionUpdated })),
      ),
    );
  }, []);
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBox error={error ?? 'Not found'} />;
  const problems = data.practiceProblems;
  const problem = problems.find((p) => p.problemId === selected) ?? problems[0];
  const submissions = Object.values(mine)
    .filter((s) => problem && s.problemId === problem.problemId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Page title="Practice problem" actions={<span className="badge">Not scored</span>}>
      <p className="notice" role="status">
        A warm-up to get used to the editor and the judge. It does not count, and the assessment&apos;s clock has not started. When you are
        ready, go back to your invitation and press Start.
      </p>
      {!problems.length && <p className="muted">No practice problem is available right now.</p>}
      <ProblemTabs problems={problems} selected={problem?.problemId} onSelect={setSelected} practice />
      {problem && (
        <div role="tabpanel" id={`panel-${problem.problemId}`} aria-labelledby={`tab-${problem.problemId}`}>
          <ProblemPanel key={problem.problemId} attemptId={attemptId} problem={problem} open submissions={submissions} onCreated={follow} practice />
        </div>
      )}
    </Page>
  );
}

function ProblemTabs({
  problems,
  selected,
  onSelect,
  practice = false,
}: {
  problems: Problem[];
  selected: string | undefined;
  onSelect: (id: string) => void;
  practice?: boolean;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = problems.findIndex((p) => p.problemId === selected);
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: problems.length - 1 }[e.key];
    if (to === undefined || !problems.length) return;
    e.preventDefault();
    const next = problems[(to + problems.length) % problems.length];
    onSelect(next.problemId);
    list.current?.querySelector<HTMLElement>(`#tab-${CSS.escape(next.problemId)}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Problems" ref={list} onKeyDown={onKeyDown}>
      {problems.map((p) => {
        const on = p.problemId === selected;
        return (
          <button
            key={p.problemId}
            id={`tab-${p.problemId}`}
            type="button"
            role="tab"
            aria-selected={on}
            aria-controls={on ? `panel-${p.problemId}` : undefined}
            tabIndex={on ? 0 : -1}
            onClick={() => onSelect(p.problemId)}
          >
            {p.position + 1}. {p.title}{' '}
            <span className="muted">{practice ? '(practice)' : `(${Math.round(p.bestScore * p.points)}/${p.points})`}</span>
          </button>
        );
      })}
    </div>
  );
}

/**
 * One problem: statement, editor, Run/Submit and results. In `practice` mode (a warm-up before
 * the assessment) Submit sends submitPractice, which is judged but never scored, and there is
 * no Run: runs belong to a started attempt.
 */
function ProblemPanel({
  attemptId,
  problem,
  open,
  submissions,
  onCreated,
  practice = false,
}: {
  attemptId: string;
  problem: Problem;
  open: boolean;
  submissions: Submission[];
  onCreated: (s: Submission) => void;
  practice?: boolean;
}) {
  const [ask, dialog] = useAsk();
  const [draft, setDraft] = useState<Draft>(() => loadDraft(attemptId, problem));
  const source = draft.sources[draft.language] ?? starter(problem, draft.language);
  const setSource = (text: string) => setDraft((d) => ({ ...d, sources: { ...d.sources, [d.language]: text } }));
  const entryPoint = textFor(problem.entryPoints, draft.language) ?? problem.entryPoint;
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    localStorage.setItem(draftKey(attemptId, problem.problemId), JSON.stringify(draft));
  }, [attemptId, problem.problemId, draft]);

  const send = async (kind: 'run' | 'submit') => {
    setBusy(true);
    setError(null);
    try {
      // CodeInput takes the language in lower case ("javascript"); submissions report the enum name.
      const base = { attemptId, problemId: problem.problemId, language: draft.language.toLowerCase(), source };
      let s: Submission;
      if (practice) {
        s = (
          await gql(
            graphql(`
              mutation AttemptSubmitPractice($i: CodeInput!) {
                submitPractice(input: $i) {
                  ...AttemptSubmission
                }
              }
            `),
            { i: base },
          )
        ).submitPractice;
      } else if (kind === 'submit') {
        s = (
          await gql(
            graphql(`
              mutation AttemptSubmitSolution($i: CodeInput!) {
                submitSolution(input: $i) {
                  ...AttemptSubmission
                }
              }
            `),
            { i: base },
          )
        ).submitSolution;
      } else {
        let customInput: CustomInput | undefined;
        if (custom.trim()) {
          if (problem.mode === 'function') {
            try {
              customInput = { args: JSON.parse(custom) as unknown };
            } catch {
              throw new Error('Custom input must be a JSON array of arguments, e.g. [[2, 7, 11, 15], 9]');
            }
          } else customInput = { stdin: custom };
        }
        s = (
          await gql(
            graphql(`
              mutation AttemptRunCode($i: RunCodeInput!) {
                runCode(input: $i) {
                  ...AttemptSubmission
                }
              }
            `),
            { i: { ...base, customInput } },
          )
        ).runCode;
      }
      onCreated(s);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="problem grid2">
      {dialog}
      <article className="card statement" aria-label="Problem statement">
        <h2>{problem.title}</h2>
        <p className="muted">
          {practice ? 'Practice: judged, never scored' : `${problem.points} points`}{problem.timeLimitMs ? ` · ${problem.timeLimitMs} ms per test` : ''} ·{' '}
          {problem.mode === 'function' ? `implement ${entryPoint}` : problem.mode === 'sql' ? 'write one query (SQLite)' : 'reads standard input'}
        </p>
        <Markdown source={problem.statement} />
        {problem.schema && (
          <>
            <h3>Schema</h3>
            <pre data-testid="sql-schema" tabIndex={0} aria-label="Schema">{problem.schema}</pre>
          </>
        )}
        <h3>Examples</h3>
        {problem.examples.map((ex) =>
          ex.tables ? (
            <div key={ex.name} className="example">
              <strong>{ex.name}</strong>
              {ex.tables.map((t) => (
                <RowsTable key={t.name} caption={t.name} columns={t.columns ?? null} rows={t.rows as unknown[][]} />
              ))}
              <RowsTable caption="Expected result" {...(ex.expected as { columns: string[]; rows: unknown[][] })} />
            </div>
          ) : (
            <div key={ex.name} className="example">
              <strong>{ex.name}</strong>
              {/* Focusable: a long example scrolls, and a keyboard must reach it (WCAG scrollable-region-focusable). */}
              <pre tabIndex={0} aria-label={`${ex.name}: input`}>
                {ex.stdin ?? `${entryPoint}(${(ex.args as unknown[] | null)?.map((a) => JSON.stringify(a)).join(', ') ?? ''})`}
              </pre>
              <pre tabIndex={0} aria-label={`${ex.name}: expected`}>→ {JSON.stringify(ex.expected)}</pre>
            </div>
          ),
        )}
        {problem.hiddenTests.length > 0 && (
          <>
            <h3>Hidden tests</h3>
            <ul>
              {problem.hiddenTests.map((h) => (
                <li key={h.category}>
                  {h.category}: {h.count}
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
      <div className="workbench">
        <div className="row">
          <label>
            Language
            <select
              value={draft.language}
              onChange={(e) => setDraft((d) => ({ ...d, language: e.target.value as Language }))}
              disabled={!open}
            >
              {offered(problem).map((value) => (
                <option key={value} value={value}>
                  {LANGUAGES[value]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="link"
            onClick={async () =>
              (await ask({
                title: 'Replace your code with the starter?',
                body: 'Your current code for this problem is lost.',
                confirm: 'Replace',
              })) && setSource(starter(problem, draft.language))
            }
            disabled={!open}
          >
            Reset code
          </button>
        </div>
        <CodeEditor
          value={source}
          language={draft.language}
          onChange={setSource}
          label={`Code for ${problem.title}`}
        />
        {problem.mode !== 'sql' && !practice && (
          <label>
            Custom input for Run (optional; {problem.mode === 'function' ? 'a JSON array of arguments' : 'standard input'})
            <textarea value={custom} onChange={(e) => setCustom(e.target.value)} rows={2} disabled={!open} />
          </label>
        )}
        <div className="row">
          {!practice && (
            <button type="button" className="secondary" onClick={() => send('run')} disabled={!open || busy}>
              Run
            </button>
          )}
          <button type="button" onClick={() => send('submit')} disabled={!open || busy}>
            Submit
          </button>
        </div>
        <ErrorBox error={error} />
        <section aria-label="Results" aria-live="polite">
          <h3>Results</h3>
          {!submissions.length && <p className="muted">Run or submit to see results here.</p>}
          {submissions.slice(0, 5).map((s, i) => (
            <SubmissionView key={s.id} s={s} latest={i === 0} />
          ))}
        </section>
      </div>
    </div>
  );
}

/** An SQL table or result set: rows under their column names (no header when the schema's columns are unknown). */
function RowsTable({ caption, columns, rows }: { caption: string; columns: string[] | null; rows: unknown[][] }) {
  const cell = (v: unknown) => (v === null ? 'NULL' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <table className="results sql-rows">
      <caption>{caption}</caption>
      {columns && (
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((v, j) => (
              <td key={j}>{cell(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SubmissionView({ s, latest }: { s: Submission; latest: boolean }) {
  return (
    <details
      className="card submission"
      open={latest}
      data-testid={latest ? 'latest-result' : undefined}
      data-state={s.state}
      data-verdict={s.verdict ?? ''}
      data-kind={s.kind}
      data-language={s.language}
    >
      <summary>
        {s.kind === 'RUN' ? 'Run' : 'Submission'} ·{' '}
        {s.state === 'FINISHED' ? <VerdictBadge verdict={s.verdict} /> : <span className="badge">{label(s.state)}…</span>}{' '}
        {s.total > 0 && (
          <span>
            {s.passed}/{s.total} tests
          </span>
        )}{' '}
        {s.kind === 'SUBMISSION' && s.score != null && <span className="muted">score {Math.round(s.score * 100)}%</span>}
      </summary>
      {s.compileError && (
        <pre className="error">
          {s.compileError.line != null ? `line ${s.compileError.line}:${s.compileError.column ?? 0} ` : ''}
          {s.compileError.message}
        </pre>
      )}
      {s.warnings.map((w) => (
        <p key={w} className="muted small">
          {w}
        </p>
      ))}
      <table className="results">
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Status</th>
            <th scope="col">Time</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {s.results.map((r, i) => (
            <tr key={`${r.name}-${i}`}>
              <td>{r.hidden ? `hidden · ${r.category ?? 'test'}` : r.name}</td>
              <td>
                <VerdictBadge verdict={r.status} />
              </td>
              <td>{r.timeMs == null ? '—' : `${r.timeMs} ms`}</td>
              <td className="small">
                {r.hidden
                  ? ''
                  : [r.message, r.actual != null ? `got ${r.actual}` : '', r.output ? `output: ${r.output}` : '']
                      .filter(Boolean)
                      .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

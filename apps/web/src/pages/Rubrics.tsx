import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { CITATION_KINDS, INTERVIEW_KINDS, RATING_LEVELS, RED_FLAG_SEVERITIES, rubricInputSchema } from '@app/contracts';
import { graphql } from '../gql';
import type { CitationKind, InterviewKind, RedFlagSeverity, RubricsRubricQuery } from '../gql/graphql';
import { gql, useQuery } from '../api';
import { check, fieldOf, issuesError, issuesOf, type FieldIssue } from '../forms';
import { ErrorBox, Loading, Page, label, when } from '../ui';

/**
 * Interview rubrics: the list (library rubrics, and a job's own), and the editor (criteria with
 * their four anchored levels, red flags), checked with the API's own schema (@app/contracts)
 * before it is sent, then saved through createRubric / updateRubric.
 */

const JOBS = graphql(`
  query RubricsJobs {
    jobs(limit: 200) {
      items {
        id
        title
      }
    }
  }
`);
const LIST = graphql(`
  query RubricsList($jobId: ID) {
    rubrics(jobId: $jobId) {
      id
      name
      key
      jobId
      version
      inUse
      versionUpdatedAt
      criteria {
        key
      }
      redFlags {
        key
      }
    }
  }
`);
const RUBRIC = graphql(`
  query RubricsRubric($id: ID!) {
    rubric(id: $id) {
      id
      name
      description
      key
      jobId
      version
      currentVersion
      inUse
      criteria {
        key
        title
        lookFor
        kind
        weight
        source {
          kind
          quote
        }
        anchors {
          level
          description
        }
      }
      redFlags {
        key
        title
        description
        severity
        source {
          kind
          quote
        }
      }
    }
  }
`);
const CREATE = graphql(`
  mutation RubricsCreate($i: CreateRubricInput!) {
    createRubric(input: $i) {
      id
      version
    }
  }
`);
const UPDATE = graphql(`
  mutation RubricsUpdate($id: ID!, $i: UpdateRubricInput!) {
    updateRubric(id: $id, input: $i) {
      id
      version
    }
  }
`);

export function RubricsPage() {
  const [jobId, setJobId] = useState('');
  const jobs = useQuery(JOBS);
  const { data, error, loading } = useQuery(LIST, { jobId: jobId || null });
  const jobTitle = new Map(jobs.data?.jobs.items.map((j) => [j.id, j.title]));
  return (
    <Page
      title="Rubrics"
      actions={
        <Link className="button" to="/recruiter/rubrics/new">
          New rubric
        </Link>
      }
    >
      <div className="filters">
        <label>
          Also show the rubrics of job
          <select value={jobId} onChange={(e) => setJobId(e.target.value)}>
            <option value="">(library rubrics only)</option>
            {jobs.data?.jobs.items.map((j) => (
              <option key={j.id} value={j.id}>
                {j.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {loading && !data && <Loading />}
      <ErrorBox error={error ?? jobs.error} />
      {data && (
        <div className="table-wrap">
          <table aria-label="Rubrics">
            <thead>
              <tr>
                <th scope="col">Rubric</th>
                <th scope="col">For</th>
                <th scope="col">Version</th>
                <th scope="col">Criteria</th>
                <th scope="col">Red flags</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {data.rubrics.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.key ? r.name : <Link to={`/recruiter/rubrics/${r.id}/edit`}>{r.name}</Link>}
                    {r.key && <div className="muted small">seeded from data/rubrics/{r.key}.json: clone it for a job to edit it</div>}
                  </td>
                  <td>{r.jobId ? (jobTitle.get(r.jobId) ?? 'a job') : 'any job (library)'}</td>
                  <td>
                    {r.version}
                    {r.inUse && <div className="muted small">in use by scorecards</div>}
                  </td>
                  <td>{r.criteria.length}</td>
                  <td>{r.redFlags.length}</td>
                  <td>{when(r.versionUpdatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

type Rubric = RubricsRubricQuery['rubric'];
interface Source {
  kind: CitationKind;
  quote: string;
}
interface CriterionDraft {
  key: string;
  title: string;
  lookFor: string;
  kind: InterviewKind;
  weight: string;
  source: Source;
  anchors: string[];
}
interface RedFlagDraft {
  key: string;
  title: string;
  description: string;
  severity: RedFlagSeverity;
  source: Source;
}
interface Draft {
  name: string;
  description: string;
  jobId: string;
  criteria: CriterionDraft[];
  redFlags: RedFlagDraft[];
}

const newCriterion = (): CriterionDraft => ({
  key: '',
  title: '',
  lookFor: '',
  kind: 'CODING_FUNDAMENTALS',
  weight: '1',
  source: { kind: 'REQUIREMENT', quote: '' },
  anchors: RATING_LEVELS.map(() => ''),
});
const newRedFlag = (): RedFlagDraft => ({ key: '', title: '', description: '', severity: 'HIGH', source: { kind: 'FAQ', quote: '' } });

function fromRubric(r: Rubric): Draft {
  return {
    name: r.name,
    description: r.description,
    jobId: r.jobId ?? '',
    criteria: r.criteria.map((c) => ({
      key: c.key,
      title: c.title,
      lookFor: c.lookFor,
      kind: c.kind,
      weight: String(c.weight),
      source: { kind: c.source.kind, quote: c.source.quote },
      anchors: RATING_LEVELS.map((l) => c.anchors.find((a) => a.level === l)?.description ?? ''),
    })),
    // Field by field: results carry __typename, which the input types refuse.
    redFlags: r.redFlags.map((f) => ({
      key: f.key,
      title: f.title,
      description: f.description,
      severity: f.severity,
      source: { kind: f.source.kind, quote: f.source.quote },
    })),
  };
}

/** What the API takes: weights as numbers, anchors with their levels. */
function toContent(d: Draft) {
  return {
    criteria: d.criteria.map((c) => ({
      ...c,
      weight: c.weight.trim() === '' ? Number.NaN : Number(c.weight),
      anchors: c.anchors.map((description, i) => ({ level: i + 1, description })),
    })),
    redFlags: d.redFlags,
  };
}

export function NewRubricPage() {
  const jobs = useQuery(JOBS);
  return (
    <Page title="New rubric">
      <ErrorBox error={jobs.error} />
      <RubricForm
        jobs={jobs.data?.jobs.items ?? []}
        initial={{ name: '', description: '', jobId: '', criteria: [newCriterion()], redFlags: [] }}
      />
    </Page>
  );
}

export function EditRubricPage({ id }: { id: string }) {
  const { data, error } = useQuery(RUBRIC, { id });
  const r = data?.rubric;
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  return (
    <Page title={r ? `Edit rubric: ${r.name}` : 'Edit rubric'}>
      <ErrorBox error={error} />
      {!r && !error && <Loading />}
      {r && <RubricForm key={r.id} rubric={r} initial={fromRubric(r)} jobs={[]} created={created} />}
    </Page>
  );
}

function RubricForm({
  rubric,
  initial,
  jobs,
  created = false,
}: {
  rubric?: Rubric;
  initial: Draft;
  jobs: { id: string; title: string }[];
  created?: boolean;
}) {
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(created && rubric ? `Created: version ${rubric.version}.` : null);
  const [version, setVersion] = useState(rubric?.version ?? 0);
  const [busy, setBusy] = useState(false);
  const f = (field: string, id: string, under = false) => fieldOf(issues, field, id, under);
  const setC = (i: number, c: Partial<CriterionDraft>) =>
    setD((x) => ({ ...x, criteria: x.criteria.map((y, j) => (j === i ? { ...y, ...c } : y)) }));
  const setF = (i: number, c: Partial<RedFlagDraft>) =>
    setD((x) => ({ ...x, redFlags: x.redFlags.map((y, j) => (j === i ? { ...y, ...c } : y)) }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const content = toContent(d);
    // The API's own schema (@app/contracts): the same rules and messages, before the round trip.
    const found = check(rubricInputSchema, { name: d.name, description: d.description, ...content }) ?? [];
    setIssues(found);
    if (found.length) {
      setError(issuesError(found));
      return;
    }
    setBusy(true);
    try {
      if (rubric) {
        const r = (await gql(UPDATE, { id: rubric.id, i: { name: d.name, description: d.description, ...content } })).updateRubric;
        setSaved(
          r.version === version
            ? `Saved: version ${r.version} changed in place (no submitted scorecard uses it).`
            : `Saved as version ${r.version}: version ${version} is used by submitted scorecards and stays as it was.`,
        );
        setVersion(r.version);
      } else {
        const r = (await gql(CREATE, { i: { name: d.name, description: d.description, jobId: d.jobId || null, ...content } })).createRubric;
        void navigate(`/recruiter/rubrics/${r.id}/edit`, { replace: true, state: { created: true } });
      }
    } catch (err) {
      setIssues(issuesOf(err));
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={onSubmit} aria-label="Rubric" noValidate>
      <fieldset>
        <legend>Rubric</legend>
        <div className="row">
          <label>
            Name
            <input value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} {...f('name', 'r-name').input} />
            {f('name', 'r-name').message}
          </label>
          {rubric ? (
            <p className="muted">
              Version {version}
              {rubric.inUse ? ': used by submitted scorecards, so saving makes the next version' : ''}
            </p>
          ) : (
            <label>
              For
              <select value={d.jobId} onChange={(e) => setD({ ...d, jobId: e.target.value })} {...f('jobId', 'r-job').input}>
                <option value="">any job (library rubric)</option>
                {jobs.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.title}
                  </option>
                ))}
              </select>
              {f('jobId', 'r-job').message}
            </label>
          )}
        </div>
        <label>
          Description (optional)
          <textarea
            value={d.description}
            onChange={(e) => setD({ ...d, description: e.target.value })}
            rows={2}
            {...f('description', 'r-description').input}
          />
          {f('description', 'r-description').message}
        </label>
      </fieldset>

      <fieldset>
        <legend>Criteria</legend>
        {f('criteria', 'r-criteria').message}
        {d.criteria.map((c, i) => {
          const p = `criteria.${i}`;
          const n = i + 1;
          return (
            <fieldset key={i} className="criterion">
              <legend>Criterion {n}</legend>
              <div className="row">
                <label>
                  Title
                  <input value={c.title} onChange={(e) => setC(i, { title: e.target.value })} {...f(`${p}.title`, `r-c${i}-title`).input} />
                  {f(`${p}.title`, `r-c${i}-title`).message}
                </label>
                <label>
                  Key (lower-case letters, digits, dashes)
                  <input value={c.key} onChange={(e) => setC(i, { key: e.target.value })} {...f(`${p}.key`, `r-c${i}-key`).input} />
                  {f(`${p}.key`, `r-c${i}-key`).message}
                </label>
                <label>
                  Interview
                  <select
                    value={c.kind}
                    onChange={(e) => setC(i, { kind: e.target.value as InterviewKind })}
                    {...f(`${p}.kind`, `r-c${i}-kind`).input}
                  >
                    {INTERVIEW_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {label(k)}
                      </option>
                    ))}
                  </select>
                  {f(`${p}.kind`, `r-c${i}-kind`).message}
                </label>
                <label>
                  Weight
                  <input
                    inputMode="decimal"
                    value={c.weight}
                    onChange={(e) => setC(i, { weight: e.target.value })}
                    {...f(`${p}.weight`, `r-c${i}-weight`).input}
                  />
                  {f(`${p}.weight`, `r-c${i}-weight`).message}
                </label>
              </div>
              <label>
                What to look for
                <textarea
                  value={c.lookFor}
                  onChange={(e) => setC(i, { lookFor: e.target.value })}
                  rows={2}
                  {...f(`${p}.lookFor`, `r-c${i}-lookfor`).input}
                />
                {f(`${p}.lookFor`, `r-c${i}-lookfor`).message}
              </label>
              <SourceFields
                value={c.source}
                onChange={(source) => setC(i, { source })}
                field={`${p}.source`}
                id={`r-c${i}-source`}
                issues={issues}
              />
              <div className="anchor-levels">
                {c.anchors.map((a, l) => (
                  <label key={l}>
                    Level {l + 1}: what the candidate does
                    <textarea
                      value={a}
                      rows={3}
                      onChange={(e) => setC(i, { anchors: c.anchors.map((x, k) => (k === l ? e.target.value : x)) })}
                      {...f(`${p}.anchors.${l}.description`, `r-c${i}-a${l}`).input}
                    />
                    {f(`${p}.anchors.${l}.description`, `r-c${i}-a${l}`).message}
                  </label>
                ))}
              </div>
              {f(`${p}.anchors`, `r-c${i}-anchors`).message}
              <button
                type="button"
                className="secondary"
                onClick={() => setD({ ...d, criteria: d.criteria.filter((_, j) => j !== i) })}
                disabled={d.criteria.length === 1}
              >
                Remove criterion {n}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="secondary" onClick={() => setD({ ...d, criteria: [...d.criteria, newCriterion()] })}>
          Add a criterion
        </button>
      </fieldset>

      <fieldset>
        <legend>Red flags</legend>
        {d.redFlags.length === 0 && (
          <p className="muted small">
            None yet: behaviours that count against the candidate whatever the ratings, each with the evidence it needs.
          </p>
        )}
        {d.redFlags.map((r, i) => {
          const p = `redFlags.${i}`;
          const n = i + 1;
          return (
            <fieldset key={i} className="red-flag">
              <legend>Red flag {n}</legend>
              <div className="row">
                <label>
                  Title
                  <input value={r.title} onChange={(e) => setF(i, { title: e.target.value })} {...f(`${p}.title`, `r-f${i}-title`).input} />
                  {f(`${p}.title`, `r-f${i}-title`).message}
                </label>
                <label>
                  Key
                  <input value={r.key} onChange={(e) => setF(i, { key: e.target.value })} {...f(`${p}.key`, `r-f${i}-key`).input} />
                  {f(`${p}.key`, `r-f${i}-key`).message}
                </label>
                <label>
                  Severity
                  <select
                    value={r.severity}
                    onChange={(e) => setF(i, { severity: e.target.value as RedFlagSeverity })}
                    {...f(`${p}.severity`, `r-f${i}-severity`).input}
                  >
                    {RED_FLAG_SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {label(s)}
                      </option>
                    ))}
                  </select>
                  {f(`${p}.severity`, `r-f${i}-severity`).message}
                </label>
              </div>
              <label>
                What counts as evidence of it
                <textarea
                  value={r.description}
                  onChange={(e) => setF(i, { description: e.target.value })}
                  rows={2}
                  {...f(`${p}.description`, `r-f${i}-description`).input}
                />
                {f(`${p}.description`, `r-f${i}-description`).message}
              </label>
              <SourceFields
                value={r.source}
                onChange={(source) => setF(i, { source })}
                field={`${p}.source`}
                id={`r-f${i}-source`}
                issues={issues}
              />
              <button type="button" className="secondary" onClick={() => setD({ ...d, redFlags: d.redFlags.filter((_, j) => j !== i) })}>
                Remove red flag {n}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="secondary" onClick={() => setD({ ...d, redFlags: [...d.redFlags, newRedFlag()] })}>
          Add a red flag
        </button>
      </fieldset>

      <ErrorBox error={error} />
      {saved && (
        <p role="status" className="ok">
          {saved}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : rubric ? 'Save rubric' : 'Create rubric'}
        </button>
        <Link to="/recruiter/rubrics">Back to rubrics</Link>
      </div>
    </form>
  );
}

/** Where a criterion or red flag comes from: the FAQ sentence or job requirement, quoted. */
function SourceFields({
  value,
  onChange,
  field,
  id,
  issues,
}: {
  value: Source;
  onChange: (s: Source) => void;
  field: string;
  id: string;
  issues: FieldIssue[];
}) {
  const kind = fieldOf(issues, `${field}.kind`, `${id}-kind`);
  const quote = fieldOf(issues, `${field}.quote`, `${id}-quote`);
  return (
    <div className="row">
      <label className="source-kind">
        Source
        <select value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as CitationKind })} {...kind.input}>
          {CITATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {k === 'FAQ' ? 'Hiring FAQ' : 'Job requirement'}
            </option>
          ))}
        </select>
        {kind.message}
      </label>
      <label className="source-quote">
        Quote (verbatim)
        <input value={value.quote} onChange={(e) => onChange({ ...value, quote: e.target.value })} {...quote.input} />
        {quote.message}
      </label>
    </div>
  );
}

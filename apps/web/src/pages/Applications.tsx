import { graphql } from '../gql';
import { Fragment, useState, type FormEvent } from 'react';
import type { ApplicationStage, ApplicationsJobQuery, InterviewKind, ScreeningOutcome } from '../gql/graphql';

type App = ApplicationsJobQuery['applications']['items'][number];
import { gql, useQuery, type ApiError } from '../api';
import { Link } from 'react-router';
import { ErrorBox, Loading, Page, StageBadge, label, pct, when } from '../ui';

const MOVES: Partial<Record<ApplicationStage, ApplicationStage[]>> = {
  APPLIED: ['SCREENED', 'REJECTED'],
  SCREENED: ['ASSESSMENT', 'INTERVIEW', 'SHORTLISTED', 'REJECTED'],
  ASSESSMENT: ['INTERVIEW', 'SHORTLISTED', 'REJECTED'],
  INTERVIEW: ['SHORTLISTED', 'OFFER', 'REJECTED'],
  SHORTLISTED: ['INTERVIEW', 'OFFER', 'REJECTED'],
};

const Q = graphql(`
  query ApplicationsJob($job: ID!) {
    job(id: $job) {
      title
    }
    applications(jobId: $job, limit: 200) {
      total
      items {
        id
        stage
        createdAt
        profile {
          name
          email
        }
        screening {
          outcome
          automaticOutcome
          reasons
          score
          override {
            outcome
            reason
            at
          }
        }
        skillsMatch {
          score
          matched {
            name
            level
          }
          missing {
            name
          }
        }
      }
    }
  }
`);

export function ApplicationsPage({ jobId }: { jobId: string }) {
  const { data, error, loading, reload } = useQuery(Q, { job: jobId });
  const [action, setAction] = useState<{ id: string; kind: 'override' | 'move' | 'history' | 'interview' } | null>(null);
  return (
    <Page title={`Applications${data ? `: ${data.job.title}` : ''}`}>
      <p className="muted small">
        <Link to={`/recruiter/jobs/${jobId}/shortlist`}>Shortlist</Link>
      </p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <div className="table-wrap">
          <table aria-label="Applications">
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Stage</th>
                <th scope="col">Screening</th>
                <th scope="col">Skills match</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.applications.items.map((a) => (
                <Fragment key={a.id}>
                  <tr>
                    <td>
                      {a.profile.name}
                      <div className="muted small">
                        {a.profile.email ? `${a.profile.email} · ` : ''}
                        {when(a.createdAt)}
                      </div>
                    </td>
                    <td>
                      <StageBadge stage={a.stage} />
                    </td>
                    <td>
                      {label(a.screening.outcome)}
                      {a.screening.override && <span className="muted small"> (overridden: {a.screening.override.reason})</span>}
                      <ul className="small">
                        {a.screening.reasons.map((r: string) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {pct(a.skillsMatch.score)}
                      <div className="muted small">
                        {a.skillsMatch.matched.map((m) => m.name).join(', ')}
                        {a.skillsMatch.missing.length > 0 && ` · missing ${a.skillsMatch.missing.map((m) => m.name).join(', ')}`}
                      </div>
                    </td>
                    <td className="actions">
                      <button type="button" className="link" onClick={() => setAction({ id: a.id, kind: 'override' })}>
                        Override screening
                      </button>
                      {MOVES[a.stage] && (
                        <button type="button" className="link" onClick={() => setAction({ id: a.id, kind: 'move' })}>
                          Move stage
                        </button>
                      )}
                      {MOVES[a.stage] && (
                        <button type="button" className="link" onClick={() => setAction({ id: a.id, kind: 'interview' })}>
                          Schedule interview
                        </button>
                      )}
                      <button type="button" className="link" onClick={() => setAction({ id: a.id, kind: 'history' })}>
                        History
                      </button>
                    </td>
                  </tr>
                  {action?.id === a.id && (
                    <tr>
                      <td colSpan={5}>
                        {action.kind === 'history' ? (
                          <History id={a.id} />
                        ) : action.kind === 'interview' ? (
                          <ScheduleForm
                            app={a}
                            jobId={jobId}
                            onDone={() => {
                              setAction(null);
                              reload();
                            }}
                          />
                        ) : (
                          <ActionForm
                            app={a}
                            kind={action.kind}
                            onDone={() => {
                              setAction(null);
                              reload();
                            }}
                          />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function ActionForm({ app, kind, onDone }: { app: App; kind: 'override' | 'move'; onDone: () => void }) {
  const options: string[] =
    kind === 'override' ? (['PASSED', 'REVIEW', 'REJECTED'] satisfies ScreeningOutcome[]) : (MOVES[app.stage] ?? []);
  const [to, setTo] = useState(options[0]);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (kind === 'override')
        await gql(
          graphql(`
            mutation ApplicationsOverrideScreening($i: OverrideScreeningInput!) {
              overrideScreening(input: $i) {
                id
              }
            }
          `),
          { i: { applicationId: app.id, outcome: to as ScreeningOutcome, reason } },
        );
      else
        await gql(
          graphql(`
            mutation ApplicationsMoveApplicationStage($i: MoveApplicationStageInput!) {
              moveApplicationStage(input: $i) {
                id
              }
            }
          `),
          { i: { applicationId: app.id, to: to as ApplicationStage, reason } },
        );
      onDone();
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  return (
    <form className="row" onSubmit={submit} aria-label={kind === 'override' ? 'Override screening' : 'Move stage'}>
      <label>
        {kind === 'override' ? 'Outcome' : 'Move to'}
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {label(o)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <button type="submit">Save</button>
      <ErrorBox error={err} />
    </form>
  );
}

function History({ id }: { id: string }) {
  const { data, error } = useQuery(
    graphql(`
      query ApplicationsApplicationHistory($id: ID!) {
        applicationHistory(applicationId: $id) {
          seq
          kind
          fromStage
          toStage
          fromOutcome
          toOutcome
          actorRole
          actor {
            name
          }
          reason
          at
        }
      }
    `),
    { id },
  );
  return (
    <>
      <ErrorBox error={error} />
      <ol className="small" aria-label="History">
        {data?.applicationHistory.map((h) => (
          <li key={h.seq}>
            {when(h.at)} · {label(h.kind)} · {h.fromStage ? `${label(h.fromStage)} → ` : ''}
            {label(h.toStage)}
            {h.toOutcome ? ` (${label(h.toOutcome)})` : ''} · {h.actor?.name ?? label(h.actorRole)}
            {h.reason ? `: ${h.reason}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

const KINDS: InterviewKind[] = ['CODING_FUNDAMENTALS', 'SYSTEM_DESIGN', 'BEHAVIORAL'];

function ScheduleForm({ app, jobId, onDone }: { app: App; jobId: string; onDone: () => void }) {
  const { data, error } = useQuery(
    graphql(`
      query ApplicationsUsers($job: ID) {
        users(limit: 200) {
          items {
            id
            name
            email
            role
          }
        }
        rubrics(jobId: $job) {
          id
          name
        }
      }
    `),
    { job: jobId },
  );
  const staff = data?.users.items.filter((u) => u.role !== 'CANDIDATE') ?? [];
  const [interviewer, setInterviewer] = useState('');
  const [rubric, setRubric] = useState('');
  const [kind, setKind] = useState(KINDS[0]);
  const [at, setAt] = useState(() => new Date(Date.now() + 86_400_000).toISOString().slice(0, 16));
  const [err, setErr] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await gql(
        graphql(`
          mutation ApplicationsScheduleInterview($i: ScheduleInterviewInput!) {
            scheduleInterview(input: $i) {
              id
            }
          }
        `),
        {
          i: {
            applicationId: app.id,
            interviewerId: interviewer || staff.find((u) => u.role === 'INTERVIEWER')?.id || '',
            rubricId: rubric || data?.rubrics[0]?.id || '',
            kind,
            scheduledAt: new Date(at).toISOString(),
          },
        },
      );
      onDone();
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  return (
    <form className="row" onSubmit={submit} aria-label="Schedule interview">
      <label>
        Interviewer
        <select
          value={interviewer || staff.find((u) => u.role === 'INTERVIEWER')?.id || ''}
          onChange={(e) => setInterviewer(e.target.value)}
        >
          {staff.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({label(u.role)})
            </option>
          ))}
        </select>
      </label>
      <label>
        Rubric
        <select value={rubric} onChange={(e) => setRubric(e.target.value)}>
          {data?.rubrics.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as InterviewKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        When
        <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
      </label>
      <button type="submit">Schedule</button>
      <ErrorBox error={err ?? error} />
    </form>
  );
}

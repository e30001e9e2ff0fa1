import { graphql } from '../gql';
import { Link } from 'react-router';
import { useState, type FormEvent } from 'react';
import type { AssessmentsAssessmentsQuery } from '../gql/graphql';

type Data = AssessmentsAssessmentsQuery;
import { gql, useQuery, type ApiError } from '../api';
import { useAsk, ErrorBox, Page, label, when } from '../ui';

export function AssessmentsPage() {
  const jobs = useQuery(
    graphql(`
      query AssessmentsJobs {
        jobs(limit: 200) {
          items {
            id
            title
          }
        }
      }
    `),
  );
  const [jobId, setJobId] = useState('');
  const job = jobId || jobs.data?.jobs.items[0]?.id || '';
  return (
    <Page title="Assessments">
      <ErrorBox error={jobs.error} />
      <label>
        Job
        <select value={job} onChange={(e) => setJobId(e.target.value)}>
          {jobs.data?.jobs.items.map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </select>
      </label>
      {job && <JobAssessments key={job} jobId={job} />}
    </Page>
  );
}

function JobAssessments({ jobId }: { jobId: string }) {
  const { data, error, reload } = useQuery(
    graphql(`
      query AssessmentsAssessments($job: ID!) {
        assessments(jobId: $job) {
          id
          title
          durationMinutes
          instructions
          problems {
            problemId
            points
            problem {
              title
            }
          }
        }
        problems(status: VALID, limit: 200) {
          items {
            id
            title
            difficulty
          }
        }
        applications(jobId: $job, limit: 200) {
          items {
            id
            stage
            profile {
              name
            }
          }
        }
      }
    `),
    { job: jobId },
  );
  return (
    <>
      <ErrorBox error={error} />
      {data?.assessments.map((a) => (
        <AssessmentCard key={a.id} a={a} applications={data.applications.items} />
      ))}
      {data && <CreateAssessment jobId={jobId} problems={data.problems.items} onCreated={reload} />}
    </>
  );
}

function AssessmentCard({ a, applications }: { a: Data['assessments'][number]; applications: Data['applications']['items'] }) {
  const [ask, dialog] = useAsk();
  const attempts = useQuery(
    graphql(`
      query AssessmentsAssessmentAttempts($id: ID!) {
        assessmentAttempts(assessmentId: $id) {
          id
          applicationId
          status
          startedAt
          deadline
          extraTimePercent
        }
      }
    `),
    { id: a.id },
  );
  const [app, setApp] = useState('');
  const [extra, setExtra] = useState('0');
  const [link, setLink] = useState<string | null>(null);
  const [err, setErr] = useState<ApiError | null>(null);
  const names = new Map(applications.map((x) => [x.id, x.profile.name]));
  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    try {
      const d = await gql(
        graphql(`
          mutation AssessmentsInviteToAssessment($i: InviteInput!) {
            inviteToAssessment(input: $i) {
              token
              link
            }
          }
        `),
        {
          i: { assessmentId: a.id, applicationId: app || applications[0]?.id, extraTimePercent: Number(extra) },
        },
      );
      setLink(`${location.origin}/invite/${d.inviteToAssessment.token}`);
      attempts.reload();
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  const grant = async (attemptId: string, current: number | null) => {
    const v = await ask({
      title: 'Extra time',
      confirm: 'Grant',
      input: { label: 'Extra time (percent, 0-200)', initial: String(current ?? 0), type: 'number', min: 0, max: 200 },
    });
    if (typeof v !== 'string') return;
    try {
      await gql(
        graphql(`
          mutation AssessmentsSetAccommodation($id: ID!, $p: Int!) {
            setAccommodation(attemptId: $id, extraTimePercent: $p) {
              id
            }
          }
        `),
        { id: attemptId, p: Number(v) },
      );
      attempts.reload();
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  return (
    <article className="card">
      {dialog}
      <h2>{a.title}</h2>
      <p className="muted">
        {a.durationMinutes} minutes · {a.problems.map((p) => `${p.problem?.title ?? p.problemId} (${p.points})`).join(', ')}
      </p>
      <form className="row" onSubmit={invite} aria-label={`Invite to ${a.title}`}>
        <label>
          Application
          <select value={app} onChange={(e) => setApp(e.target.value)}>
            {applications.map((x) => (
              <option key={x.id} value={x.id}>
                {x.profile.name} ({label(x.stage)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Extra time (%)
          <input type="number" min={0} max={200} value={extra} onChange={(e) => setExtra(e.target.value)} />
        </label>
        <button type="submit">Invite</button>
      </form>
      {link && (
        <p role="status">
          Invitation link (shown once): <code>{link}</code>{' '}
          <button type="button" className="link" onClick={() => void navigator.clipboard?.writeText(link)}>
            Copy link
          </button>
        </p>
      )}
      <ErrorBox error={err ?? attempts.error} />
      {attempts.data && attempts.data.assessmentAttempts.length > 0 && (
        <table aria-label="Attempts">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Status</th>
              <th scope="col">Deadline</th>
              <th scope="col">Extra time</th>
              <th scope="col">Integrity evidence</th>
            </tr>
          </thead>
          <tbody>
            {attempts.data.assessmentAttempts.map((t) => (
              <tr key={t.id}>
                <td>{names.get(t.applicationId) ?? t.applicationId}</td>
                <td>{label(t.status)}</td>
                <td>{when(t.deadline)}</td>
                <td>
                  {t.extraTimePercent ?? 0}%{' '}
                  {t.status !== 'FINISHED' && (
                    <button type="button" className="link" onClick={() => grant(t.id, t.extraTimePercent)}>
                      Change
                    </button>
                  )}
                </td>
                <td>
                  {t.status !== 'INVITED' && <Link to={`/recruiter/attempts/${t.id}/timeline`}>Timeline and playback</Link>}
                  {t.status === 'FINISHED' && <> · <Link to={`/recruiter/attempts/${t.id}/similarity`}>Code similarity</Link></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function CreateAssessment({ jobId, problems, onCreated }: { jobId: string; problems: Data['problems']['items']; onCreated: () => void }) {
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [instructions, setInstructions] = useState('');
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [err, setErr] = useState<ApiError | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    try {
      await gql(
        graphql(`
          mutation AssessmentsCreateAssessment($i: CreateAssessmentInput!) {
            createAssessment(input: $i) {
              id
            }
          }
        `),
        {
          i: {
            jobId,
            title,
            instructions,
            durationMinutes: Number(minutes),
            problems: Object.entries(picked).map(([problemId, points]) => ({ problemId, points: Number(points) })),
          },
        },
      );
      setTitle('');
      setPicked({});
      onCreated();
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  return (
    <form className="card" onSubmit={create} aria-label="Create an assessment">
      <h2>New assessment</h2>
      <div className="row">
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          Duration (minutes)
          <input type="number" min={5} max={480} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
        </label>
      </div>
      <label>
        Instructions (markdown)
        <textarea value={instructions} onChange={(e) => setInstructions(e.target.value)} rows={3} />
      </label>
      <fieldset>
        <legend>Validated problems and points</legend>
        {problems.map((p) => (
          <div key={p.id} className="row">
            <label className="inline">
              <input
                type="checkbox"
                checked={p.id in picked}
                onChange={(e) =>
                  setPicked((x) => {
                    const n = { ...x };
                    if (e.target.checked) n[p.id] = '100';
                    else delete n[p.id];
                    return n;
                  })
                }
              />
              {p.title} <span className="muted small">({p.difficulty})</span>
            </label>
            {p.id in picked && (
              <label>
                Points for {p.title}
                <input type="number" min={1} value={picked[p.id]} onChange={(e) => setPicked((x) => ({ ...x, [p.id]: e.target.value }))} />
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <ErrorBox error={err} />
      <button type="submit" disabled={!Object.keys(picked).length}>
        Create assessment
      </button>
    </form>
  );
}

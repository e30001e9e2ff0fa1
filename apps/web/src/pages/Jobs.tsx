import { graphql } from '../gql';
import { useState, type FormEvent } from 'react';
import type { EducationStatus, JobsJobQuery } from '../gql/graphql';
import { gql, useQuery, useSession } from '../api';
import { Link, useNavigate } from 'react-router';
import { Markdown } from '../markdown';
import { ErrorBox, Loading, Page, fieldProps } from '../ui';

type Question = JobsJobQuery['job']['screeningQuestions'][number];

const JOB = graphql(`
  query JobsJob($id: ID!) {
    job(id: $id) {
      id
      title
      status
      location
      employmentType
      about
      responsibilities
      qualifications
      prerequisites
      perks
      payRange {
        min
        max
        currency
        period
      }
      workplace {
        country
        countryName
        remoteCountries
      }
      hardSkills {
        name
      }
      screeningQuestions {
        key
        prompt
        justification
        answerType
        required
        options
        min
        max
      }
    }
  }
`);

/** "Employed in Germany; remote from Austria, Switzerland" (remote codes named in the reader's language). */
function formatWorkplace(w: NonNullable<JobsJobQuery['job']['workplace']>): string {
  const names = new Intl.DisplayNames(undefined, { type: 'region' });
  const name = (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const remote = w.remoteCountries.filter((c) => c !== w.country);
  return `Employed in ${w.countryName}${remote.length ? `; remote from ${remote.map(name).join(', ')}` : '; on site'}`;
}

/** "USD 25–32.50 per hour", in the reader's locale. */
function formatPay(p: NonNullable<JobsJobQuery['job']['payRange']>): string {
  const money = (n: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: p.currency, maximumFractionDigits: 2 }).format(n);
  const amount = p.min === p.max ? money(p.min) : `${money(p.min)}–${money(p.max)}`;
  return `${amount} per ${p.period.toLowerCase()}`;
}

export function JobPage({ id }: { id: string }) {
  const session = useSession();
  const { data, error, loading } = useQuery(JOB, { id });
  const job = data?.job;
  return (
    <Page title={job?.title ?? 'Job'}>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {job && (
        <div className="grid2">
          <article className="card">
            <p className="muted">
              {job.location} · {job.employmentType}
              {job.payRange && <> · {formatPay(job.payRange)}</>}
            </p>
            {job.workplace && <p data-testid="job-workplace">{formatWorkplace(job.workplace)}</p>}
            <Markdown source={job.about} />
            <List title="Responsibilities" items={job.responsibilities} />
            <List title="Qualifications" items={job.qualifications} />
            <List title="Perks" items={job.perks} />
          </article>
          <div>
            {session?.user.role === 'CANDIDATE' ? (
              <ApplyForm job={job} />
            ) : (
              <div className="card">
                <h2>Apply</h2>
                <p>
                  <Link to="/login">Log in or create a candidate account</Link> to apply.
                </p>
              </div>
            )}
          </div>
        </div>
      )}
    </Page>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  if (!items?.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </>
  );
}

function ApplyForm({ job }: { job: { id: string; screeningQuestions: Question[] } }) {
  const session = useSession()!;
  const navigate = useNavigate();
  const [name, setName] = useState(session.user.name);
  const [email, setEmail] = useState(session.user.email);
  const [degree, setDegree] = useState('BS');
  const [field, setField] = useState('Computer Science');
  const [status, setStatus] = useState<EducationStatus>('ENROLLED');
  const [institution, setInstitution] = useState('');
  const [skills, setSkills] = useState('');
  const [links, setLinks] = useState('');
  const [resume, setResume] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const parsedSkills = skills
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          const m = s.match(/^(.*?)(?:\s*:\s*([1-5]))?$/)!;
          return { name: m[1].trim(), level: Number(m[2] ?? 3) };
        });
      await gql(
        graphql(`
          mutation JobsApplyToJob($i: ApplyToJobInput!) {
            applyToJob(input: $i) {
              id
              stage
              rejectionReasons
            }
          }
        `),
        {
          i: {
            jobId: job.id,
            profile: {
              name,
              email,
              education: { degree, field, status, institution: institution || undefined },
              links: links.split(/\s+/).filter(Boolean),
              skills: parsedSkills,
            },
            answers: job.screeningQuestions
              .filter((q) => answers[q.key] !== undefined && answers[q.key] !== '')
              .map((q) => ({ questionKey: q.key, value: answers[q.key] })),
            resume,
          },
        },
      );
      void navigate('/applications');
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const set = (k: string, v: string) => setAnswers((a) => ({ ...a, [k]: v }));
  // The API names profile fields by their path in ApplyToJobInput (`profile.email`, `resume`).
  const fp = (field: string, id: string) => fieldProps(error, field, id);
  return (
    <form className="card" onSubmit={onSubmit} aria-label="Application">
      <h2>Apply</h2>
      <fieldset>
        <legend>Profile</legend>
        <label>
          Full name
          <input value={name} onChange={(e) => setName(e.target.value)} required {...fp('profile.name', 'apply-name').input} />
          {fp('profile.name', 'apply-name').message}
        </label>
        <label>
          Contact email
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            {...fp('profile.email', 'apply-email').input}
          />
          {fp('profile.email', 'apply-email').message}
        </label>
        <div className="row">
          <label>
            Degree
            <input
              value={degree}
              onChange={(e) => setDegree(e.target.value)}
              required
              {...fp('profile.education.degree', 'apply-degree').input}
            />
            {fp('profile.education.degree', 'apply-degree').message}
          </label>
          <label>
            Field of study
            <input
              value={field}
              onChange={(e) => setField(e.target.value)}
              required
              {...fp('profile.education.field', 'apply-field').input}
            />
            {fp('profile.education.field', 'apply-field').message}
          </label>
        </div>
        <div className="row">
          <label>
            Education status
            <select value={status} onChange={(e) => setStatus(e.target.value as EducationStatus)}>
              <option value="ENROLLED">Enrolled</option>
              <option value="GRADUATED">Graduated</option>
              <option value="NOT_ENROLLED">Not enrolled</option>
            </select>
          </label>
          <label>
            Institution (optional)
            <input
              value={institution}
              onChange={(e) => setInstitution(e.target.value)}
              {...fp('profile.education.institution', 'apply-institution').input}
            />
            {fp('profile.education.institution', 'apply-institution').message}
          </label>
        </div>
        <label>
          Skills (comma separated, optional level 1-5: "Node.js:4, SQL:3")
          <input value={skills} onChange={(e) => setSkills(e.target.value)} />
        </label>
        <label>
          Links (space separated, optional)
          <input value={links} onChange={(e) => setLinks(e.target.value)} {...fp('profile.links', 'apply-links').input} />
          {fp('profile.links', 'apply-links').message}
        </label>
      </fieldset>
      <fieldset>
        <legend>Screening questions</legend>
        {job.screeningQuestions.map((q) => (
          <QuestionField key={q.key} q={q} value={answers[q.key] ?? ''} onChange={(v) => set(q.key, v)} />
        ))}
      </fieldset>
      <label>
        Résumé (plain text)
        <textarea
          value={resume}
          onChange={(e) => setResume(e.target.value)}
          rows={6}
          maxLength={20000}
          required
          {...fp('resume', 'apply-resume').input}
        />
        {fp('resume', 'apply-resume').message}
      </label>
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>
        Submit application
      </button>
    </form>
  );
}

function QuestionField({ q, value, onChange }: { q: Question; value: string; onChange: (v: string) => void }) {
  const id = `q-${q.key}`;
  // A knock-out says why the job needs it: the candidate sees the reason before answering.
  const text = (
    <>
      {q.prompt}
      {q.required ? '' : ' (optional)'}
      {q.justification && <span className="muted hint"> Why we ask: {q.justification}</span>}
    </>
  );
  switch (q.answerType) {
    case 'BOOLEAN':
      return (
        <label htmlFor={id}>
          {text}
          <select id={id} name={q.key} value={value} onChange={(e) => onChange(e.target.value)} required={q.required}>
            <option value="">Choose…</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
        </label>
      );
    case 'CHOICE':
      return (
        <label htmlFor={id}>
          {text}
          <select id={id} name={q.key} value={value} onChange={(e) => onChange(e.target.value)} required={q.required}>
            <option value="">Choose…</option>
            {q.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      );
    case 'NUMBER':
      return (
        <label htmlFor={id}>
          {text}
          {q.min != null && q.max != null && (
            <span className="muted">
              {' '}
              ({q.min}–{q.max})
            </span>
          )}
          <input
            id={id}
            name={q.key}
            type="number"
            value={value}
            min={q.min ?? undefined}
            max={q.max ?? undefined}
            onChange={(e) => onChange(e.target.value)}
            required={q.required}
          />
        </label>
      );
    case 'TEXT':
      return (
        <label htmlFor={id}>
          {text}
          <textarea
            id={id}
            name={q.key}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            rows={3}
            maxLength={2000}
            required={q.required}
          />
        </label>
      );
  }
}

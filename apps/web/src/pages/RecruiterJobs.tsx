import { graphql } from '../gql';
import { useEffect, useState, type FormEvent } from 'react';
import type { PayPeriod, PostingChecksFragment, RecruiterJobsJobQuery, WorkplaceInput } from '../gql/graphql';
import { gql, mayReadFairnessReport, useQuery, useSession, type ApiError, type Doc } from '../api';
import { Link, useNavigate } from 'react-router';
import { fieldProps, useAsk, ErrorBox, Loading, Page, label, when } from '../ui';

export function RecruiterJobsPage() {
  const [ask, dialog] = useAsk();
  const navigate = useNavigate();
  const mayReadFairness = mayReadFairnessReport(useSession()?.user);
  const { data, error, loading, reload } = useQuery(
    graphql(`
      query RecruiterJobsJobs {
        jobs(limit: 200) {
          items {
            id
            title
            status
            applicationCount
            publishedAt
            createdAt
          }
        }
        jobTemplates {
          id
          key
          name
          title
        }
      }
    `),
  );
  const [template, setTemplate] = useState('');
  const [title, setTitle] = useState('');
  const [country, setCountry] = useState('');
  const [err, setErr] = useState<ApiError | null>(null);
  const act = async (q: Doc<unknown, { id: string }>, v: { id: string }) => {
    setErr(null);
    try {
      await gql(q, v);
      reload();
    } catch (e) {
      setErr(e as ApiError);
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    try {
      const d = await gql(
        graphql(`
          mutation RecruiterJobsCreateJob($i: CreateJobInput!) {
            createJob(input: $i) {
              id
            }
          }
        `),
        {
          i: {
            templateKey: template || data?.jobTemplates[0]?.key,
            title: title || undefined,
            ...(country.trim() ? { workplace: workplaceInput(country, '') } : {}),
          },
        },
      );
      void navigate(`/recruiter/jobs/${d.createJob.id}/edit`);
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  return (
    <Page title="Manage jobs">
      {dialog}
      {loading && <Loading />}
      <ErrorBox error={error ?? err} />
      <form className="card row" onSubmit={create} aria-label="Create a job">
        <label>
          Template
          <select value={template} onChange={(e) => setTemplate(e.target.value)}>
            {data?.jobTemplates.map((t) => (
              <option key={t.id} value={t.key}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title (optional)
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Country of employment (optional, e.g. DE)
          <input
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            maxLength={2}
            size={4}
            autoComplete="off"
            {...fieldProps(err, 'workplace.country', 'new-job-country').input}
          />
          {fieldProps(err, 'workplace.country', 'new-job-country').message}
        </label>
        <button type="submit">Create draft from template</button>
      </form>
      {data && (
        <div className="table-wrap">
          <table aria-label="Jobs">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Applications</th>
                <th scope="col">Published</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.jobs.items.map((j) => (
                <tr key={j.id}>
                  <td>{j.title}</td>
                  <td>{label(j.status)}</td>
                  <td>{j.applicationCount}</td>
                  <td>{when(j.publishedAt)}</td>
                  <td className="actions">
                    <Link to={`/recruiter/jobs/${j.id}/applications`}>Applications</Link>
                    <Link to={`/recruiter/jobs/${j.id}/shortlist`}>Shortlist</Link>
                    {mayReadFairness && <Link to={`/recruiter/jobs/${j.id}/fairness`}>Fairness</Link>}
                    {j.status !== 'CLOSED' && <Link to={`/recruiter/jobs/${j.id}/edit`}>Edit</Link>}
                    {j.status !== 'PUBLISHED' && (
                      <button
                        type="button"
                        className="link"
                        onClick={() =>
                          act(
                            graphql(`
                              mutation RecruiterJobsPublishJob($id: ID!) {
                                publishJob(id: $id) {
                                  id
                                }
                              }
                            `),
                            { id: j.id },
                          )
                        }
                      >
                        Publish
                      </button>
                    )}
                    {j.status === 'PUBLISHED' && (
                      <button
                        type="button"
                        className="link"
                        onClick={async () =>
                          (await ask({
                            title: `Close "${j.title}"?`,
                            body: 'Candidates can no longer apply.',
                            confirm: 'Close the job',
                          })) &&
                          act(
                            graphql(`
                              mutation RecruiterJobsCloseJob($id: ID!) {
                                closeJob(id: $id) {
                                  id
                                }
                              }
                            `),
                            { id: j.id },
                          )
                        }
                      >
                        Close
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

graphql(`
  fragment PostingChecks on Job {
    publishingWarnings
    languageCheck {
      summary
      masculineCoded
      feminineCoded
      warnings {
        field
        word
        category
        why
        suggestion
      }
    }
  }
`);

/** The staff checks of a posting: advice beside the form, never a gate. */
function PostingChecks({ checks }: { checks: PostingChecksFragment }) {
  const { publishingWarnings, languageCheck } = checks;
  return (
    <section className="card narrow-wide" aria-labelledby="posting-checks">
      <h2 id="posting-checks">Posting checks</h2>
      {publishingWarnings.length > 0 && (
        <ul className="warnings">
          {publishingWarnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <p>{languageCheck.summary}</p>
      {languageCheck.warnings.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Wording to review">
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Wording</th>
                <th scope="col">Why</th>
                <th scope="col">Try instead</th>
              </tr>
            </thead>
            <tbody>
              {languageCheck.warnings.map((w, i) => (
                <tr key={`${w.field}-${w.word}-${i}`}>
                  <td>{w.field}</td>
                  <td>
                    <strong>{w.word}</strong> <span className="muted">({w.category})</span>
                  </td>
                  <td>{w.why}</td>
                  <td>{w.suggestion ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const PERIODS: PayPeriod[] = ['HOUR', 'MONTH', 'YEAR'];

/** The form's country and "AT, CH" list as the API's WorkplaceInput (codes in capitals, as it requires). */
function workplaceInput(country: string, remote: string): WorkplaceInput {
  return {
    country: country.trim().toUpperCase(),
    remoteCountries: remote
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
  };
}

export function EditJobPage({ id }: { id: string }) {
  const { data, error } = useQuery(
    graphql(`
      query RecruiterJobsJob($id: ID!) {
        job(id: $id) {
          id
          title
          status
          location
          employmentType
          about
          screeningThreshold
          anonymizedReview
          interviewersSeeTimeline
          perks
          applicationCount
          payRange {
            min
            max
            currency
            period
          }
          workplace {
            country
            remoteCountries
          }
          ...PostingChecks
        }
      }
    `),
    { id },
  );
  type Form = Omit<RecruiterJobsJobQuery['job'], 'perks' | 'payRange' | 'workplace' | 'languageCheck' | 'publishingWarnings'> & {
    perks: string;
    country: string;
    remoteCountries: string;
    payMin: string;
    payMax: string;
    payCurrency: string;
    payPeriod: PayPeriod;
  };
  const [form, setForm] = useState<Form | null>(null);
  const [checks, setChecks] = useState<PostingChecksFragment | null>(null);
  const [err, setErr] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!data) return;
    const { payRange, workplace, ...job } = data.job;
    setForm({
      ...job,
      perks: data.job.perks.join('\n'),
      country: workplace?.country ?? '',
      remoteCountries: workplace?.remoteCountries.join(', ') ?? '',
      payMin: payRange ? String(payRange.min) : '',
      payMax: payRange ? String(payRange.max) : '',
      payCurrency: payRange?.currency ?? 'USD',
      payPeriod: payRange?.period ?? PERIODS[0],
    });
    setChecks(data.job);
  }, [data]);
  if (!form) return <ErrorBox error={error} />;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    setSaved(false);
    try {
      const d = await gql(
        graphql(`
          mutation RecruiterJobsUpdateJob($id: ID!, $i: UpdateJobInput!) {
            updateJob(id: $id, input: $i) {
              id
              ...PostingChecks
            }
          }
        `),
        {
          id,
          i: {
            title: form.title,
            location: form.location,
            employmentType: form.employmentType,
            about: form.about,
            anonymizedReview: form.anonymizedReview,
            interviewersSeeTimeline: form.interviewersSeeTimeline,
            perks: form.perks
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
            ...(data!.job.applicationCount ? {} : { screeningThreshold: Number(form.screeningThreshold) }),
            // The API keeps a workplace once set (an empty country leaves it as it is).
            ...(form.country.trim() ? { workplace: workplaceInput(form.country, form.remoteCountries) } : {}),
            ...(form.payMin !== '' || form.payMax !== ''
              ? { payRange: { min: Number(form.payMin), max: Number(form.payMax), currency: form.payCurrency.trim().toUpperCase(), period: form.payPeriod } }
              : {}),
          },
        },
      );
      setChecks(d.updateJob);
      setSaved(true);
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  type Key = 'title' | 'location' | 'employmentType' | 'about' | 'perks' | 'screeningThreshold' | 'payMin' | 'payMax' | 'payCurrency';
  // workplace.remoteCountries.N: every refused code is shown beside the one input.
  const remoteError = err?.fields.filter((x) => x.field.startsWith('workplace.remoteCountries')).map((x) => x.message) ?? [];
  const f = (k: Key) => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }),
    ...fieldProps(err, k, `job-${k}`).input,
  });
  const fe = (k: Key) => fieldProps(err, k, `job-${k}`).message;
  // The API names pay fields payRange.min...; the form's inputs carry those names for their errors.
  const pf = (k: 'payMin' | 'payMax' | 'payCurrency', field: string) => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }),
    ...fieldProps(err, field, `job-${k}`).input,
  });
  const pe = (field: string, k: string) => fieldProps(err, field, `job-${k}`).message;
  return (
    <Page title={`Edit: ${data!.job.title}`}>
      <form className="card narrow-wide" onSubmit={save} aria-label="Edit job">
        <p className="muted">Status: {label(form.status)}</p>
        <label>
          Title
          <input {...f('title')} required />
          {fe('title')}
        </label>
        <div className="row">
          <label>
            Location
            <input {...f('location')} />
            {fe('location')}
          </label>
          <label>
            Employment type
            <input {...f('employmentType')} />
            {fe('employmentType')}
          </label>
        </div>
        <label>
          About (markdown)
          <textarea {...f('about')} rows={6} />
          {fe('about')}
        </label>
        <label>
          Perks (one per line)
          <textarea {...f('perks')} rows={4} />
          {fe('perks')}
        </label>
        <fieldset className="row">
          <legend>Pay range (shown on the posting)</legend>
          <label>
            From
            <input type="number" min={0} step="any" {...pf('payMin', 'payRange.min')} />
            {pe('payRange.min', 'payMin')}
          </label>
          <label>
            To
            <input type="number" min={0} step="any" {...pf('payMax', 'payRange.max')} />
            {pe('payRange.max', 'payMax')}
          </label>
          <label>
            Currency
            <input maxLength={3} size={4} {...pf('payCurrency', 'payRange.currency')} />
            {pe('payRange.currency', 'payCurrency')}
          </label>
          <label>
            Per
            <select value={form.payPeriod} onChange={(e) => setForm({ ...form, payPeriod: e.target.value as PayPeriod })}>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {label(p)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset className="row">
          <legend>Workplace (shown on the posting; the work-authorization question names the country)</legend>
          <label>
            Country of employment (ISO code, e.g. DE)
            <input
              value={form.country}
              onChange={(e) => setForm({ ...form, country: e.target.value })}
              maxLength={2}
              size={4}
              autoComplete="off"
              {...fieldProps(err, 'workplace.country', 'job-country').input}
            />
            {fieldProps(err, 'workplace.country', 'job-country').message}
          </label>
          <label>
            Remote from (ISO codes, comma-separated; empty: on site only)
            <input
              id="job-remote-countries"
              value={form.remoteCountries}
              onChange={(e) => setForm({ ...form, remoteCountries: e.target.value })}
              autoComplete="off"
              aria-invalid={remoteError.length ? true : undefined}
              aria-describedby={remoteError.length ? 'job-remote-countries-error' : undefined}
            />
            {remoteError.length > 0 && (
              <span id="job-remote-countries-error" className="field-error">
                {remoteError.join('; ')}
              </span>
            )}
          </label>
        </fieldset>
        <label>
          Screening threshold (0-1){data!.job.applicationCount ? ' — fixed once there are applications' : ''}
          <input type="number" step="0.05" min={0} max={1} {...f('screeningThreshold')} disabled={!!data!.job.applicationCount} />
          {fe('screeningThreshold')}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={form.anonymizedReview}
            onChange={(e) => setForm({ ...form, anonymizedReview: e.target.checked })}
          />
          Anonymized review (interviewers do not see who the candidate is until shortlisting)
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={form.interviewersSeeTimeline}
            onChange={(e) => setForm({ ...form, interviewersSeeTimeline: e.target.checked })}
          />
          Interviewers see attempt timelines (pastes, focus losses; positions in the allowed time, never times)
        </label>
        <ErrorBox error={err} />
        {saved && (
          <p role="status" className="ok">
            Saved.
          </p>
        )}
        <div className="row">
          <button type="submit">Save</button>
          <Link to="/recruiter/jobs">Back to jobs</Link>
        </div>
      </form>
      {checks && <PostingChecks checks={checks} />}
    </Page>
  );
}

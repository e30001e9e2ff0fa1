import { graphql } from '../gql';
import { useState, type FormEvent } from 'react';
import { gql, useQuery, type ApiError } from '../api';
import { Link } from 'react-router';
import { ErrorBox, Loading, Page, label } from '../ui';

const QUESTIONS = graphql(`
  query FairnessQuestions {
    selfIdentificationQuestions {
      key
      label
      prompt
      options
    }
  }
`);

/**
 * The voluntary self-identification form of one application: every question optional, and
 * nothing here is shown to anyone per person or used in a score (said on the form).
 */
export function SelfIdForm({ applicationId }: { applicationId: string }) {
  const { data, error } = useQuery(QUESTIONS);
  const [values, setValues] = useState<Record<string, string>>({});
  const [err, setErr] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    setSaved(false);
    try {
      await gql(
        graphql(`
          mutation FairnessSubmit($i: SelfIdentificationInput!) {
            submitSelfIdentification(input: $i)
          }
        `),
        { i: { applicationId, answers: Object.entries(values).filter(([, v]) => v).map(([question, value]) => ({ question, value })) } },
      );
      setSaved(true);
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  if (!data) return <ErrorBox error={error} />;
  return (
    <form onSubmit={submit} aria-label="Voluntary self-identification">
      <p className="muted">
        Optional. Your answers are stored apart from your application, never shown to recruiters or interviewers, and never used to score you. They are
        counted only in groups of at least five, to check that our hiring steps treat every group fairly.
      </p>
      {data.selfIdentificationQuestions.map((q) => (
        <label key={q.key}>
          {q.prompt}
          <select name={`selfid-${q.key}`} value={values[q.key] ?? ''} onChange={(e) => setValues({ ...values, [q.key]: e.target.value })}>
            <option value="">No answer</option>
            {q.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      ))}
      <ErrorBox error={err} />
      {saved && (
        <p role="status" className="ok">
          Thank you: saved.
        </p>
      )}
      <button type="submit">Save my answers</button>
    </form>
  );
}

export function FairnessReportPage({ jobId }: { jobId: string }) {
  const questions = useQuery(QUESTIONS);
  const [question, setQuestion] = useState('gender');
  const { data, error, loading } = useQuery(
    graphql(`
      query FairnessReport($jobId: ID!, $q: String!) {
        adverseImpactReport(jobId: $jobId, question: $q) {
          minGroupSize
          notDisclosed
          explanation
          stages {
            stage
            referenceGroup
            groups {
              group
              considered
              selected
              rate
              impactRatio
              suppressed
              belowFourFifths
            }
          }
        }
      }
    `),
    { jobId, q: question },
  );
  const pct = (x: number | null | undefined) => (x == null ? '—' : `${Math.round(x * 100)}%`);
  return (
    <Page title="Adverse-impact report">
      <p>
        <Link to="/recruiter/jobs">Back to jobs</Link>
      </p>
      <label>
        Group by
        <select value={question} onChange={(e) => setQuestion(e.target.value)}>
          {questions.data?.selfIdentificationQuestions.map((q) => (
            <option key={q.key} value={q.key}>
              {q.label}
            </option>
          ))}
        </select>
      </label>
      {loading && <Loading />}
      <ErrorBox error={error ?? questions.error} />
      {data && (
        <>
          <p className="muted">{data.adverseImpactReport.explanation}</p>
          <p>Did not answer or preferred not to say: {data.adverseImpactReport.notDisclosed}</p>
          {data.adverseImpactReport.stages.map((s) => (
            <section key={s.stage} className="card">
              <h2>{label(s.stage)}</h2>
              <div className="table-wrap">
                <table aria-label={`Selection rates at ${label(s.stage)}`}>
                  <thead>
                    <tr>
                      <th scope="col">Group</th>
                      <th scope="col">Considered</th>
                      <th scope="col">Selected</th>
                      <th scope="col">Rate</th>
                      <th scope="col">Impact ratio</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.groups.map((g) => (
                      <tr key={g.group} className={g.belowFourFifths ? 'warn' : undefined}>
                        <td>{g.group}</td>
                        {g.suppressed ? (
                          <td colSpan={4} className="muted">
                            Suppressed: fewer than {data.adverseImpactReport.minGroupSize} candidates
                          </td>
                        ) : (
                          <>
                            <td>{g.considered}</td>
                            <td>{g.selected}</td>
                            <td>{pct(g.rate)}</td>
                            <td>
                              {g.impactRatio == null ? '—' : g.impactRatio.toFixed(2)}
                              {g.belowFourFifths && <strong> below 0.80</strong>}
                            </td>
                          </>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}
    </Page>
  );
}

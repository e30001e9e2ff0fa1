import { graphql } from '../gql';
import { Fragment, useState } from 'react';
import type { ApplicationStage, ShortlistJobQuery } from '../gql/graphql';
import { download, gql, useQuery, type ApiError } from '../api';
import { Link } from 'react-router';
import { useAsk, ErrorBox, Loading, Page, StageBadge, label, pct } from '../ui';

const STAGES: ApplicationStage[] = ['APPLIED', 'SCREENED', 'ASSESSMENT', 'INTERVIEW', 'SHORTLISTED', 'OFFER', 'REJECTED', 'WITHDRAWN'];
const OPEN: ApplicationStage[] = ['SCREENED', 'ASSESSMENT', 'INTERVIEW', 'SHORTLISTED'];
const MOVES: Partial<Record<ApplicationStage, ApplicationStage[]>> = {
  APPLIED: ['SCREENED', 'REJECTED'],
  SCREENED: ['ASSESSMENT', 'INTERVIEW', 'SHORTLISTED', 'REJECTED'],
  ASSESSMENT: ['INTERVIEW', 'SHORTLISTED', 'REJECTED'],
  INTERVIEW: ['SHORTLISTED', 'OFFER', 'REJECTED'],
  SHORTLISTED: ['INTERVIEW', 'OFFER', 'REJECTED'],
};
const COLORS: Record<string, string> = { skills: '#4e79a7', assessment: '#59a14f', interview: '#f28e2b' };

const Q = graphql(`
  query ShortlistJob($job: ID!, $filter: ShortlistFilterInput, $after: String) {
    job(id: $job) {
      title
    }
    shortlist(jobId: $job, first: 100, after: $after, filter: $filter) {
      totalCount
      hasNextPage
      endCursor
      policy {
        weights {
          skills
          assessment
          interview
        }
        requireComponents
        redFlagMode
      }
      entries {
        rank
        ranked
        awaitingEvidence
        notObserved
        applicationId
        name
        email
        anonymized
        stage
        score
        baseScore
        confidence
        missing
        demoted
        explanation
        redFlagCount
        integrityReview {
          flagged
          explanation
        }
        recommendations
        components {
          name
          present
          value
          weight
          effectiveWeight
          detail
        }
        adjustments {
          kind
          description
          amount
          applied
        }
      }
    }
  }
`);

type Entry = ShortlistJobQuery['shortlist']['entries'][number];

/** Each component's contribution (value x effective weight) as a segment of one bar, so the score's makeup reads at a glance. */
export function ScoreBar({ e }: { e: Entry }) {
  const parts = e.components.filter((c) => c.present && c.value != null);
  const text = e.components.map((c) => `${c.name} ${c.present ? pct(c.value) : 'missing'} × ${c.effectiveWeight.toFixed(2)}`).join(', ');
  return (
    <div className="scorebar" role="img" aria-label={`Score breakdown: ${text}`} title={text}>
      {parts.map((c) => (
        <span key={c.name} style={{ width: `${(c.value ?? 0) * c.effectiveWeight * 100}%`, background: COLORS[c.name] }} />
      ))}
    </div>
  );
}

export function ShortlistPage({ jobId }: { jobId: string }) {
  const [ask, dialog] = useAsk();
  const [stages, setStages] = useState<ApplicationStage[]>(OPEN);
  const [minScore, setMinScore] = useState('');
  const filter = { stages, minScore: minScore === '' ? undefined : Number(minScore) / 100 };
  const { data, error, loading, reload } = useQuery(Q, { job: jobId, filter });
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [busyError, setBusyError] = useState<ApiError | null>(null);
  const [csvNote, setCsvNote] = useState<string | null>(null);
  const entries = data?.shortlist.entries ?? [];
  const move = async (applicationId: string, to: ApplicationStage) => {
    const reason = await ask({
      title: `Move to ${label(to)}`,
      confirm: 'Move',
      input: { label: 'Reason (kept in the application history)' },
    });
    if (typeof reason !== 'string' || !reason.trim()) return;
    setBusyError(null);
    try {
      await gql(
        graphql(`
          mutation ShortlistMoveApplicationStage($i: MoveApplicationStageInput!) {
            moveApplicationStage(input: $i) {
              id
              stage
            }
          }
        `),
        { i: { applicationId, to, reason } },
      );
      reload();
    } catch (e) {
      setBusyError(e as ApiError);
    }
  };
  const csv = async () => {
    setBusyError(null);
    try {
      await download(`/jobs/${jobId}/shortlist.csv`, `shortlist-${jobId}.csv`);
      setCsvNote('CSV downloaded.');
    } catch (e) {
      setBusyError(e as ApiError);
    }
  };
  const w = data?.shortlist.policy.weights;
  return (
    <Page
      title={`Shortlist${data ? `: ${data.job.title}` : ''}`}
      actions={
        <button type="button" onClick={csv}>
          Download CSV
        </button>
      }
    >
      {dialog}
      <p className="muted small">
        <Link to={`/recruiter/jobs/${jobId}/applications`}>Applications</Link>
        {w &&
          ` · weights: skills ${w.skills}, assessment ${w.assessment}, interview ${w.interview} · red flags: ${label(data.shortlist.policy.redFlagMode)}`}
      </p>
      {csvNote && (
        <p role="status" className="ok">
          {csvNote}
        </p>
      )}
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Stages</legend>
          {STAGES.map((s) => (
            <label key={s} className="inline">
              <input
                type="checkbox"
                checked={stages.includes(s)}
                onChange={(e) => setStages((x) => (e.target.checked ? [...x, s] : x.filter((y) => y !== s)))}
              />
              {label(s)}
            </label>
          ))}
        </fieldset>
        <label>
          Minimum score (%)
          <input type="number" min={0} max={100} value={minScore} onChange={(e) => setMinScore(e.target.value)} />
        </label>
      </form>
      <div className="legend small" aria-hidden="true">
        {Object.entries(COLORS).map(([k, c]) => (
          <span key={k}>
            <i style={{ background: c }} /> {k}
          </span>
        ))}
      </div>
      {loading && <Loading />}
      <ErrorBox error={error ?? busyError} />
      {data && (
        <div className="table-wrap">
          <table className="shortlist" aria-label="Shortlist">
            <caption className="muted small">{data.shortlist.totalCount} candidates</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Candidate</th>
                <th scope="col">Stage</th>
                <th scope="col">Score</th>
                <th scope="col">Breakdown</th>
                <th scope="col">Missing</th>
                <th scope="col">Red flags</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <Fragment key={e.applicationId}>
                  <tr data-testid="shortlist-row">
                    <td>{e.awaitingEvidence ? <span className="muted small">awaiting evidence</span> : (e.rank ?? '—')}</td>
                    <td>
                      {e.anonymized ? 'Anonymized' : e.name}
                      {e.email && <div className="muted small">{e.email}</div>}
                    </td>
                    <td>
                      <StageBadge stage={e.stage} />
                    </td>
                    <td>
                      <strong>{pct(e.score)}</strong>
                      <div className="muted small">{e.confidence} confidence</div>
                    </td>
                    <td>
                      <ScoreBar e={e} />
                    </td>
                    <td>
                      {e.missing.length ? e.missing.join(', ') : '—'}
                      {e.notObserved.length > 0 && <div className="muted small">not observed: {e.notObserved.length} criteria</div>}
                    </td>
                    <td>
                      {e.redFlagCount ? <span className="badge bad">{e.redFlagCount}</span> : '—'}
                      {e.demoted && <div className="small">demoted</div>}
                      {e.integrityReview.flagged && (
                        <div className="small">
                          <span className="badge warn" title={e.integrityReview.explanation ?? undefined}>
                            integrity review
                          </span>
                        </div>
                      )}
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="link"
                        aria-expanded={!!open[e.applicationId]}
                        onClick={() => setOpen((o) => ({ ...o, [e.applicationId]: !o[e.applicationId] }))}
                      >
                        Explain
                      </button>
                      {MOVES[e.stage] && (
                        <label className="sr-label">
                          <span className="sr-only">Move {e.name ?? 'candidate'} to</span>
                          <select value="" onChange={(ev) => ev.target.value && move(e.applicationId, ev.target.value as ApplicationStage)}>
                            <option value="">Move to…</option>
                            {MOVES[e.stage]?.map((s) => (
                              <option key={s} value={s}>
                                {label(s)}
                              </option>
                            ))}
                          </select>
                        </label>
                      )}
                    </td>
                  </tr>
                  {open[e.applicationId] && (
                    <tr className="explain">
                      <td colSpan={8}>
                        <ul>
                          {e.components.map((c) => (
                            <li key={c.name}>
                              <strong>{c.name}</strong>: {c.present ? pct(c.value) : 'missing'} (weight {c.weight}, effective{' '}
                              {c.effectiveWeight.toFixed(2)}) — {c.detail}
                            </li>
                          ))}
                          {e.adjustments.map((a, i) => (
                            <li key={i}>
                              {a.description} ({a.amount >= 0 ? '+' : ''}
                              {a.amount.toFixed(3)}
                              {a.applied ? '' : ', not applied'})
                            </li>
                          ))}
                          {e.recommendations.length > 0 && <li>Recommendations: {e.recommendations.map(label).join(', ')}</li>}
                        </ul>
                        <pre className="wrap small">{e.explanation}</pre>
                        {e.integrityReview.explanation && <p className="small">{e.integrityReview.explanation}</p>}
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

import { graphql } from '../gql';
import { useEffect, useState, type FormEvent } from 'react';
import type { InterviewCardFragment, InterviewsInterviewQuery, Recommendation } from '../gql/graphql';
import { gql, useQuery, useSession, type ApiError } from '../api';
import { Link } from 'react-router';
import { ErrorBox, Loading, Page, StageBadge, VerdictBadge, label, pct, when } from '../ui';

export function MyInterviewsPage() {
  const { data, error, loading } = useQuery(
    graphql(`
      query InterviewsMyInterviews {
        myInterviews(limit: 100) {
          id
          kind
          status
          scheduledAt
          candidate {
            jobTitle
            name
            anonymized
          }
        }
      }
    `),
  );
  return (
    <Page title="My interviews">
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && !data.myInterviews.length && <p>No interviews assigned to you.</p>}
      {data && data.myInterviews.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Candidate</th>
                <th scope="col">Job</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.myInterviews.map((iv) => (
                <tr key={iv.id}>
                  <td>{when(iv.scheduledAt)}</td>
                  <td>
                    <Link to={`/interviews/${iv.id}`}>
                      {iv.candidate.anonymized ? 'Anonymized candidate' : (iv.candidate.name ?? 'Candidate')}
                    </Link>
                  </td>
                  <td>{iv.candidate.jobTitle}</td>
                  <td>{label(iv.kind)}</td>
                  <td>{label(iv.status)}</td>
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
  fragment InterviewCard on Scorecard {
    id
    status
    version
    recommendation
    notes
    weightedScore
    submittedAt
    interviewerId
    interviewer {
      name
    }
    kind
    ratings {
      criterionKey
      rating
      evidence
    }
    redFlags {
      key
      title
      severity
      evidence
    }
  }
`);
const INTERVIEW = graphql(`
  query InterviewsInterview($id: ID!) {
    interview(id: $id) {
      id
      kind
      status
      scheduledAt
      interviewerId
      candidate {
        stage
        anonymized
        name
        email
        links
        jobTitle
        education {
          degree
          field
          status
          institution
        }
        skills {
          name
          level
        }
        resume
      }
      assessmentResults {
        title
        status
        score
        pointsEarned
        pointsPossible
        problems {
          title
          points
          bestScore
          bestVerdict
          submissionsCount
        }
      }
      rubric {
        name
        version
        criteria {
          key
          title
          kind
          lookFor
          weight
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
        }
      }
      scorecard {
        ...InterviewCard
      }
      scorecards {
        ...InterviewCard
      }
    }
  }
`);

type Card = InterviewCardFragment;
type Interview = InterviewsInterviewQuery['interview'];

export function InterviewPage({ id }: { id: string }) {
  const session = useSession();
  const { data, error, loading, reload } = useQuery(INTERVIEW, { id });
  const iv = data?.interview;
  if (loading && !iv) return <Loading />;
  if (error || !iv) return <ErrorBox error={error ?? 'Not found'} />;
  const c = iv.candidate;
  const mine = iv.interviewerId === session?.user.id;
  const own: Card | null = iv.scorecard;
  const others: Card[] = (iv.scorecards as Card[]).filter((s) => s.interviewerId !== iv.interviewerId);
  const submitted = own?.status === 'SUBMITTED';
  return (
    <Page title={`${label(iv.kind)} interview`}>
      <p className="muted">
        {c.jobTitle} · {when(iv.scheduledAt)} · {label(iv.status)}
      </p>
      <div className="grid2">
        <section className="card" aria-label="Candidate">
          <h2>{c.anonymized ? 'Anonymized candidate' : c.name}</h2>
          {c.anonymized && <p className="muted small">Names and contact details stay hidden until the candidate is shortlisted.</p>}
          <p>
            Stage: <StageBadge stage={c.stage} />
          </p>
          {c.email && <p>{c.email}</p>}
          <p>
            {c.education.degree} {c.education.field} ({label(c.education.status)})
            {c.education.institution ? `, ${c.education.institution}` : ''}
          </p>
          {c.skills.length > 0 && (
            <p>Skills: {c.skills.map((s: { name: string; level: number }) => `${s.name} (${s.level}/5)`).join(', ')}</p>
          )}
          {c.links.length > 0 && (
            <ul>
              {c.links.map((l: string) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
          {c.resume && (
            <details>
              <summary>Résumé</summary>
              <pre className="wrap">{c.resume}</pre>
            </details>
          )}
          <h3>Assessment results</h3>
          {!iv.assessmentResults.length && <p className="muted">No assessment taken.</p>}
          {iv.assessmentResults.map((r) => (
            <div key={r.title}>
              <p>
                <strong>{r.title}</strong>: {r.pointsEarned}/{r.pointsPossible} points ({pct(r.score)}) · {label(r.status)}
              </p>
              <ul>
                {r.problems.map((p) => (
                  <li key={p.title}>
                    {p.title}: {pct(p.bestScore)} of {p.points} · <VerdictBadge verdict={p.bestVerdict} /> · {p.submissionsCount}{' '}
                    submissions
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <InterviewTimelines id={id} />
        </section>
        <div>
          {mine && !submitted && iv.status !== 'CANCELLED' && <ScorecardForm interview={iv} draft={own} onSaved={reload} />}
          {own && submitted && <ScorecardView card={own} title="Your scorecard" rubric={iv.rubric} />}
          <section className="card" aria-label="Other scorecards">
            <h2>Other scorecards</h2>
            {mine && !submitted ? (
              <p data-testid="blind-notice">
                Other interviewers' scorecards stay hidden until you submit yours, so your ratings are your own.
              </p>
            ) : others.length ? (
              others.map((s) => <ScorecardView key={s.id} card={s} title={s.interviewer?.name ?? 'Interviewer'} rubric={iv.rubric} />)
            ) : (
              <p className="muted">No other submitted scorecards yet.</p>
            )}
          </section>
        </div>
      </div>
    </Page>
  );
}

function ScorecardView({ card, title, rubric }: { card: Card; title: string; rubric: Interview['rubric'] }) {
  const crit = new Map<string, string>(rubric.criteria.map((c) => [c.key, c.title]));
  return (
    <article className="card scorecard" data-testid="scorecard">
      <h3>
        {title}{' '}
        <span className="muted small">
          ({label(card.kind)}, {label(card.status)})
        </span>
      </h3>
      <p>
        Recommendation: <strong>{card.recommendation ? label(card.recommendation) : '—'}</strong> · weighted {pct(card.weightedScore)}
      </p>
      <ul>
        {card.ratings.map((r) => (
          <li key={r.criterionKey}>
            {crit.get(r.criterionKey) ?? r.criterionKey}: {r.rating === null ? 'not observed' : `${r.rating}/4`}
            {r.evidence ? ` — ${r.evidence}` : ''}
          </li>
        ))}
      </ul>
      {card.redFlags.length > 0 && (
        <>
          <h4>Red flags</h4>
          <ul>
            {card.redFlags.map((f) => (
              <li key={f.key}>
                {f.title} ({label(f.severity)}): {f.evidence}
              </li>
            ))}
          </ul>
        </>
      )}
      {card.notes && <p className="small">{card.notes}</p>}
    </article>
  );
}

const RECS: Recommendation[] = ['STRONG_NO', 'NO', 'YES', 'STRONG_YES'];

function ScorecardForm({ interview, draft, onSaved }: { interview: Interview; draft: Card | null; onSaved: () => void }) {
  const criteria = interview.rubric.criteria.filter((c) => c.kind === interview.kind);
  // rating null: "not observed" (left out of the mean); undefined: not rated yet.
  const [ratings, setRatings] = useState<Record<string, { rating?: number | null; evidence: string }>>({});
  const [flags, setFlags] = useState<Record<string, { on: boolean; evidence: string }>>({});
  const [notes, setNotes] = useState('');
  const [rec, setRec] = useState<Recommendation | ''>('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!draft) return;
    setRatings(Object.fromEntries(draft.ratings.map((r) => [r.criterionKey, { rating: r.rating, evidence: r.evidence ?? '' }])));
    setFlags(Object.fromEntries(draft.redFlags.map((f) => [f.key, { on: true, evidence: f.evidence }])));
    setNotes(draft.notes);
    setRec(draft.recommendation ?? '');
  }, [draft]);

  const input = () => ({
    interviewId: interview.id,
    notes,
    recommendation: rec || undefined,
    ratings: criteria
      .filter((c) => ratings[c.key] && ratings[c.key].rating !== undefined)
      .map((c) => ({ criterionKey: c.key, rating: ratings[c.key].rating ?? null, evidence: ratings[c.key].evidence || undefined })),
    redFlags: Object.entries(flags)
      .filter(([, f]) => f.on)
      .map(([key, f]) => ({ key, evidence: f.evidence })),
  });
  const save = async (final: boolean, e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      if (final)
        await gql(
          graphql(`
            mutation InterviewsSubmitScorecard($i: SubmitScorecardInput!) {
              submitScorecard(input: $i) {
                id
                status
              }
            }
          `),
          { i: input() },
        );
      else
        await gql(
          graphql(`
            mutation InterviewsSaveScorecardDraft($i: ScorecardDraftInput!) {
              saveScorecardDraft(input: $i) {
                id
                status
              }
            }
          `),
          { i: input() },
        );
      setSaved(final ? 'Submitted.' : `Draft saved at ${new Date().toLocaleTimeString()}.`);
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const setRating = (key: string, patch: Partial<{ rating: number | null; evidence: string }>) =>
    setRatings((r) => ({ ...r, [key]: { ...{ evidence: '' }, ...r[key], ...patch } }));
  return (
    <form className="card scorecard-form" onSubmit={(e) => save(true, e)} aria-label="Scorecard">
      <h2>Your scorecard</h2>
      <p className="muted small">
        {interview.rubric.name} v{interview.rubric.version}. Rate each criterion 1-4 by the anchors, or mark it not observed if you did not probe
        it (it then counts as missing evidence, not as a low rating); evidence is required for 1 and 4.
      </p>
      {criteria.map((c) => {
        const r = ratings[c.key];
        const needEvidence = r?.rating === 1 || r?.rating === 4;
        return (
          <fieldset key={c.key} className="criterion">
            <legend>{c.title}</legend>
            <p className="small">
              <strong>Look for:</strong> {c.lookFor}
            </p>
            <div className="anchors">
              {c.anchors.map((a: { level: number; description: string }) => (
                <label key={a.level} className="anchor">
                  <input
                    type="radio"
                    name={`rating-${c.key}`}
                    value={a.level}
                    checked={r?.rating === a.level}
                    onChange={() => setRating(c.key, { rating: a.level })}
                  />
                  <span>
                    <strong>{a.level}</strong> {a.description}
                  </span>
                </label>
              ))}
              <label className="anchor">
                <input type="radio" name={`rating-${c.key}`} value="" checked={r?.rating === null} onChange={() => setRating(c.key, { rating: null })} />
                <span>
                  <strong>Not observed</strong> I did not probe this criterion
                </span>
              </label>
            </div>
            <label>
              Evidence for {c.title}
              {needEvidence ? ' (required for this rating)' : ' (optional)'}
              <textarea
                value={r?.evidence ?? ''}
                onChange={(e) => setRating(c.key, { evidence: e.target.value })}
                rows={2}
                required={needEvidence}
              />
            </label>
          </fieldset>
        );
      })}
      <fieldset>
        <legend>Red flags</legend>
        {interview.rubric.redFlags.map((f) => (
          <div key={f.key} className="flag">
            <label className="inline">
              <input
                type="checkbox"
                checked={flags[f.key]?.on ?? false}
                onChange={(e) => setFlags((x) => ({ ...x, [f.key]: { ...{ evidence: '' }, ...x[f.key], on: e.target.checked } }))}
              />
              {f.title} <span className="muted small">({label(f.severity)})</span>
            </label>
            <p className="muted small">{f.description}</p>
            {flags[f.key]?.on && (
              <label>
                Evidence for {f.title}
                <textarea
                  value={flags[f.key].evidence}
                  onChange={(e) => setFlags((x) => ({ ...x, [f.key]: { ...x[f.key], evidence: e.target.value } }))}
                  rows={2}
                  required
                />
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <label>
        Notes
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
      </label>
      <fieldset>
        <legend>Overall recommendation</legend>
        <div className="row">
          {RECS.map((x) => (
            <label key={x} className="inline">
              <input type="radio" name="recommendation" value={x} checked={rec === x} onChange={() => setRec(x)} />
              {label(x)}
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorBox error={error} />
      {saved && (
        <p role="status" className="ok">
          {saved}
        </p>
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={() => save(false)} disabled={busy}>
          Save draft
        </button>
        <button type="submit" disabled={busy}>
          Submit scorecard
        </button>
      </div>
    </form>
  );
}

/**
 * The attempt timelines of the interview's application, where the job shares them with
 * interviewers: counts and positions in the allowed time, never times. A separate query, so a
 * job that does not share them (FORBIDDEN) leaves the rest of the page alone.
 */
function InterviewTimelines({ id }: { id: string }) {
  const { data, error } = useQuery(
    graphql(`
      query InterviewsAttemptTimelines($id: ID!) {
        interview(id: $id) {
          id
          attemptTimelines {
            attemptId
            summary {
              text
            }
          }
        }
      }
    `),
    { id },
  );
  if (error?.code === 'FORBIDDEN') return null;
  if (error) return <ErrorBox error={error} />;
  const timelines = data?.interview.attemptTimelines ?? [];
  if (!timelines.length) return null;
  return (
    <>
      <h3>Attempt timeline</h3>
      {timelines.map((t) => (
        <p key={t.attemptId} className="small" data-testid="interviewer-timeline">
          {t.summary.text}
        </p>
      ))}
    </>
  );
}

import { graphql } from '../gql';
import { useEffect, useState } from 'react';
import { useQuery } from '../api';
import { ErrorBox, Loading, Page, label, when } from '../ui';

/**
 * An attempt's timeline and code playback, for recruiters and admins: evidence to review next to
 * the results, never a verdict. The slider replays one problem's code; the events up to the
 * frame's moment are marked in the list beside it.
 */
const TIMELINE = graphql(`
  query TimelineAttemptTimeline($id: ID!) {
    attemptTimeline(attemptId: $id) {
      attemptId
      startedAt
      endedAt
      events {
        type
        problemId
        at
        offsetSeconds
        chars
        lines
        external
        customInput
        cause
      }
      summary {
        pastes
        largePastes
        externalPastes
        focusLosses
        runs
        submits
        connectionLosses
        activeSeconds
        text
      }
      playback {
        problemId
        snapshots
      }
    }
  }
`);

const PLAYBACK = graphql(`
  query TimelineAttemptPlayback($id: ID!, $problemId: ID!) {
    attemptPlayback(attemptId: $id, problemId: $problemId, limit: 200) {
      problemId
      total
      frames {
        seq
        offsetSeconds
        language
        reason
        code
      }
    }
  }
`);

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

type Event = NonNullable<ReturnType<typeof useTimeline>['data']>['attemptTimeline']['events'][number];
function useTimeline(id: string) {
  return useQuery(TIMELINE, { id });
}

function describe(e: Event): string {
  switch (e.type) {
    case 'PASTE':
      return `${e.chars ?? 0} characters, ${e.lines ?? 0} lines, ${e.external ? 'from outside the page' : 'copied inside the page'}`;
    case 'FOCUS_LOST':
      return e.cause === 'hidden' ? 'tab hidden' : 'another window took focus';
    case 'RUN':
      return e.customInput ? 'with custom input' : 'against the examples';
    default:
      return '';
  }
}

export function TimelinePage({ id }: { id: string }) {
  const { data, error, loading } = useTimeline(id);
  const t = data?.attemptTimeline;
  const [problemId, setProblemId] = useState<string | null>(null);
  const chosen = problemId ?? t?.playback[0]?.problemId ?? null;
  if (loading && !t) return <Loading />;
  if (error || !t) return <ErrorBox error={error ?? 'Not found'} />;
  return (
    <Page title="Attempt timeline">
      <p className="notice" data-testid="timeline-summary">
        {t.summary.text}
      </p>
      <p className="muted small">
        Started {when(t.startedAt)} · until {when(t.endedAt)}. Evidence for a person to review: none of this changes a score.
      </p>
      <div className="grid2">
        <section className="card" aria-label="Code playback">
          <h2>Code playback</h2>
          {t.playback.length === 0 ? (
            <p className="muted">No code was recorded.</p>
          ) : (
            <>
              {t.playback.length > 1 && (
                <label>
                  Problem
                  <select value={chosen ?? ''} onChange={(e) => setProblemId(e.target.value)}>
                    {t.playback.map((p, i) => (
                      <option key={p.problemId} value={p.problemId}>
                        Problem {i + 1} ({p.snapshots} snapshots)
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {chosen && <Playback key={chosen} attemptId={id} problemId={chosen} events={t.events} />}
            </>
          )}
        </section>
        <section className="card" aria-label="Events">
          <h2>Events</h2>
          <EventList events={t.events} until={null} />
        </section>
      </div>
    </Page>
  );
}

function EventList({ events, until }: { events: Event[]; until: number | null }) {
  if (!events.length) return <p className="muted">Nothing was recorded.</p>;
  return (
    <table className="results" data-testid="timeline-events">
      <thead>
        <tr>
          <th scope="col">At</th>
          <th scope="col">Event</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={i} data-type={e.type} className={until != null && e.offsetSeconds > until ? 'muted' : undefined}>
            <td title={when(e.at)}>{mmss(e.offsetSeconds)}</td>
            <td>{label(e.type)}</td>
            <td className="small">{describe(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Playback({ attemptId, problemId, events }: { attemptId: string; problemId: string; events: Event[] }) {
  const { data, error } = useQuery(PLAYBACK, { id: attemptId, problemId });
  const frames = data?.attemptPlayback.frames ?? [];
  const [at, setAt] = useState<number | null>(null);
  // Opens on the last frame: the code as it ended (the submitted code, when it was submitted).
  useEffect(() => setAt(null), [frames.length]);
  if (error) return <ErrorBox error={error} />;
  if (!frames.length) return <Loading />;
  const i = at ?? frames.length - 1;
  const f = frames[i];
  const mine = events.filter((e) => e.problemId === problemId || e.problemId == null);
  return (
    <>
      <label>
        Frame {i + 1} of {frames.length} · {mmss(f.offsetSeconds)} · {label(f.reason)} · {f.language}
        <input
          type="range"
          min={0}
          max={frames.length - 1}
          value={i}
          onChange={(e) => setAt(Number(e.target.value))}
          aria-label="Playback position"
          data-testid="playback-slider"
        />
      </label>
      <pre className="code" data-testid="playback-code" data-reason={f.reason} tabIndex={0} aria-label="Code at this frame">
        {f.code}
      </pre>
      <h3>Events up to this frame</h3>
      <EventList events={mine} until={f.offsetSeconds} />
    </>
  );
}

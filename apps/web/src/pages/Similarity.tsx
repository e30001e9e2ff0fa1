import { graphql } from '../gql';
import { useState } from 'react';
import type { AttemptSimilarityQuery } from '../gql/graphql';
import { useQuery } from '../api';
import { ErrorBox, Loading, Page, pct } from '../ui';

type Pair = AttemptSimilarityQuery['attemptSimilarity'][number];
type Range = { startLine: number; endLine: number };

const Q = graphql(`
  query AttemptSimilarity($id: ID!) {
    attemptSimilarity(attemptId: $id, first: 10) {
      id
      similarity
      longestFragment
      scope
      problemTitle
      language
      analyzedAt
      attempt {
        kind
        applicationId
        covered
        source
      }
      other {
        kind
        applicationId
        referenceIndex
        covered
        source
      }
      fragments {
        attemptLines {
          startLine
          endLine
        }
        otherLines {
          startLine
          endLine
        }
        kgrams
      }
    }
  }
`);

const inside = (line: number, ranges: Range[]) => ranges.some((r) => line >= r.startLine && line <= r.endLine);

/** One side's code, matching lines shaded, the chosen fragment stronger. */
function Code({ source, ranges, focus, label }: { source: string; ranges: Range[]; focus: Range | undefined; label: string }) {
  return (
    <pre className="sim-code" aria-label={label}>
      {source.split('\n').map((text, i) => {
        const line = i + 1;
        const cls = focus && line >= focus.startLine && line <= focus.endLine ? 'focus' : inside(line, ranges) ? 'hit' : undefined;
        return (
          <span key={line} className={cls}>
            <i>{line}</i>
            {text}
          </span>
        );
      })}
    </pre>
  );
}

function PairView({ pair }: { pair: Pair }) {
  const [chosen, setChosen] = useState(0);
  const f = pair.fragments[chosen];
  const otherName = pair.other.kind === 'REFERENCE' ? `reference solution ${(pair.other.referenceIndex ?? 0) + 1}` : `application ${pair.other.applicationId ?? ''}`;
  return (
    <article className="card" data-testid="similarity-pair">
      <h2>
        {pair.problemTitle} ({pair.language}): {pct(pair.similarity)} similar to {otherName}
      </h2>
      <p className="muted small">
        Longest shared fragment {pair.longestFragment} k-grams · {pair.scope === 'JOB' ? 'across assessments of the job' : 'within this assessment'} · analysed{' '}
        {new Date(pair.analyzedAt).toLocaleString()}. Evidence for a person to review, not a verdict.
      </p>
      <label>
        Fragment
        <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
          {pair.fragments.map((x, i) => (
            <option key={i} value={i}>
              lines {x.attemptLines.startLine}-{x.attemptLines.endLine} ↔ {x.otherLines.startLine}-{x.otherLines.endLine} ({x.kgrams} k-grams)
            </option>
          ))}
        </select>
      </label>
      <div className="sim-pair">
        <section>
          <h3>This attempt ({pct(pair.attempt.covered)} shared)</h3>
          <Code source={pair.attempt.source} ranges={pair.fragments.map((x) => x.attemptLines)} focus={f?.attemptLines} label="This attempt's code" />
        </section>
        <section>
          <h3>
            {pair.other.kind === 'REFERENCE' ? 'Reference solution' : 'Other candidate'} ({pct(pair.other.covered)} shared)
          </h3>
          <Code source={pair.other.source} ranges={pair.fragments.map((x) => x.otherLines)} focus={f?.otherLines} label="The other side's code" />
        </section>
      </div>
    </article>
  );
}

/** Recruiters: an attempt's highest-similarity pairs, side by side with the matching fragments. */
export function SimilarityPage({ attemptId }: { attemptId: string }) {
  const { data, error, loading } = useQuery(Q, { id: attemptId });
  return (
    <Page title="Code similarity">
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.attemptSimilarity.length === 0 && <p>No pair reached the similarity threshold for this attempt.</p>}
      {data?.attemptSimilarity.map((p) => <PairView key={p.id} pair={p} />)}
    </Page>
  );
}

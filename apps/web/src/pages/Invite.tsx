import { graphql } from '../gql';
import { useState } from 'react';
import { ApiError, gql, useQuery } from '../api';
import { Link, useNavigate } from 'react-router';
import { Markdown } from '../markdown';
import { ErrorBox, Page, RecordingNotice } from '../ui';

/** The invitation link: instructions first; the clock starts only on Start. */
export function InvitePage({ token }: { token: string }) {
  const navigate = useNavigate();
  const { data } = useQuery(
    graphql(`
      query InviteMyAttempts {
        myAttempts {
          id
          title
          status
          durationMinutes
          instructions
          recordingNotice
        }
      }
    `),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const invited = data?.myAttempts.filter((a) => a.status === 'INVITED') ?? [];
  const inProgress = data?.myAttempts.filter((a) => a.status === 'IN_PROGRESS') ?? [];
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await gql(
        graphql(`
          mutation InviteStartAssessment($t: String!) {
            startAssessment(token: $t) {
              id
              status
              deadline
            }
          }
        `),
        { t: token },
      );
      void navigate(`/attempts/${d.startAssessment.id}`, { replace: true });
    } catch (e) {
      setError(e as ApiError);
      setBusy(false);
    }
  };
  return (
    <Page title="Assessment invitation">
      <div className="card narrow-wide">
        {invited.length === 1 ? (
          <>
            <h2>{invited[0].title}</h2>
            <p>
              <strong>{invited[0].durationMinutes} minutes</strong>, counted by the server from the moment you press Start.
            </p>
            <Markdown source={invited[0].instructions} />
          </>
        ) : (
          <p>You have been invited to a timed coding assessment. The clock starts, on the server, when you press Start.</p>
        )}
        <ul>
          <li>Your draft is saved in this browser as you type.</li>
          <li>Run your code against the examples or your own input as often as you like; runs are not scored.</li>
          <li>Submit as often as you like: your best submission per problem counts.</li>
        </ul>
        {invited.length === 1 && (
          <p>
            New to the editor? <Link to={`/attempts/${invited[0].id}/practice`}>Try a practice problem</Link> first: it is judged like the real
            ones but never scored, and the clock does not start.
          </p>
        )}
        <RecordingNotice items={invited[0]?.recordingNotice ?? data?.myAttempts[0]?.recordingNotice ?? []} />
        <ErrorBox error={error} />
        {error?.code === 'CONFLICT' && inProgress.length > 0 && (
          <p>
            This invitation was already used. <Link to={`/attempts/${inProgress[0].id}`}>Continue your assessment</Link>.
          </p>
        )}
        <button type="button" onClick={start} disabled={busy}>
          Start the assessment
        </button>
      </div>
    </Page>
  );
}

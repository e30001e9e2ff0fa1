import { graphql } from '../gql';
import { useQuery } from '../api';
import { Link } from 'react-router';
import { ErrorBox, Loading, Page, StageBadge, label, when } from '../ui';
import { SelfIdForm } from './Fairness';

export function MyApplicationsPage() {
  const apps = useQuery(
    graphql(`
      query MyApplicationsMyApplications {
        myApplications {
          items {
            id
            stage
            rejectionReasons
            createdAt
            job {
              id
              title
            }
          }
        }
      }
    `),
  );
  const attempts = useQuery(
    graphql(`
      query MyApplicationsMyAttempts {
        myAttempts {
          id
          title
          status
          deadline
          durationMinutes
        }
      }
    `),
  );
  return (
    <Page title="My applications">
      {apps.loading && <Loading />}
      <ErrorBox error={apps.error} />
      {apps.data && !apps.data.myApplications.items.length && (
        <p>
          No applications yet. <Link to="/">Browse the open positions</Link>.
        </p>
      )}
      <ul className="cards" aria-label="Applications">
        {apps.data?.myApplications.items.map((a) => (
          <li key={a.id} className="card" data-testid="application">
            <h2>
              <Link to={`/jobs/${a.job.id}`}>{a.job.title}</Link>
            </h2>
            <p>
              Status: <StageBadge stage={a.stage} text={a.stage === 'SCREENED' ? 'Under review' : undefined} /> <span className="muted">applied {when(a.createdAt)}</span>
            </p>
            {a.rejectionReasons.length > 0 && (
              <ul className="reasons" aria-label="Reasons">
                {a.rejectionReasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
            <details>
              <summary>Voluntary self-identification</summary>
              <SelfIdForm applicationId={a.id} />
            </details>
          </li>
        ))}
      </ul>
      <h2>My assessments</h2>
      <ErrorBox error={attempts.error} />
      {attempts.data && !attempts.data.myAttempts.length && (
        <p className="muted">No assessments yet. When you are invited, open the link from your invitation.</p>
      )}
      <ul className="cards" aria-label="Assessments">
        {attempts.data?.myAttempts.map((t) => (
          <li key={t.id} className="card">
            <h3>{t.title}</h3>
            <p>
              {label(t.status)} · {t.durationMinutes} minutes {t.deadline && <span className="muted">· deadline {when(t.deadline)}</span>}
            </p>
            {t.status !== 'INVITED' && <Link to={`/attempts/${t.id}`}>{t.status === 'IN_PROGRESS' ? 'Continue' : 'Review'}</Link>}
          </li>
        ))}
      </ul>
    </Page>
  );
}

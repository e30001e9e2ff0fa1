import { Link } from 'react-router';
import { useQuery } from '../api';
import { graphql } from '../gql';
import { ErrorBox, Loading, Page } from '../ui';

/** The first page most visitors see: its own chunk, without the Markdown renderer the job page needs. */
export function JobsPage() {
  const { data, error, loading } = useQuery(
    graphql(`
      query JobsJobs {
        jobs(limit: 50) {
          total
          items {
            id
            title
            location
            employmentType
            publishedAt
            status
          }
        }
      }
    `),
  );
  const open = data?.jobs.items.filter((j) => j.status === 'PUBLISHED') ?? [];
  return (
    <Page title="Open positions">
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && !open.length && <p>No open positions right now.</p>}
      <ul className="cards" aria-label="Jobs">
        {open.map((j) => (
          <li key={j.id} className="card">
            <h2>
              <Link to={`/jobs/${j.id}`}>{j.title}</Link>
            </h2>
            <p className="muted">
              {j.location} · {j.employmentType}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

import { Link } from 'react-router';
import { graphql } from '../gql';
import { useQuery } from '../api';
import { ErrorBox, Loading, Page, label } from '../ui';

export function ProblemsPage() {
  const { data, error, loading } = useQuery(
    graphql(`
      query ProblemsProblems {
        problems(limit: 200) {
          total
          items {
            id
            slug
            title
            difficulty
            tags
            version
            validationStatus
            validationReport
          }
        }
      }
    `),
  );
  return (
    <Page
      title="Problem bank"
      actions={
        <Link className="button" to="/recruiter/problems/new">
          New problem
        </Link>
      }
    >
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <div className="table-wrap">
          <table aria-label="Problems">
            <thead>
              <tr>
                <th scope="col">Problem</th>
                <th scope="col">Difficulty</th>
                <th scope="col">Tags</th>
                <th scope="col">Version</th>
                <th scope="col">Validation</th>
              </tr>
            </thead>
            <tbody>
              {data.problems.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/recruiter/problems/${p.id}/edit`}>{p.title}</Link>
                    <div className="muted small">{p.slug}</div>
                  </td>
                  <td>{p.difficulty}</td>
                  <td>{p.tags.join(', ')}</td>
                  <td>{p.version}</td>
                  <td>
                    <span className={`badge ${p.validationStatus === 'VALID' ? 'ok' : p.validationStatus === 'INVALID' ? 'bad' : ''}`}>
                      {label(p.validationStatus)}
                    </span>
                    {p.validationReport != null && (
                      <details>
                        <summary>Report</summary>
                        <pre className="wrap small">{JSON.stringify(p.validationReport, null, 2)}</pre>
                      </details>
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

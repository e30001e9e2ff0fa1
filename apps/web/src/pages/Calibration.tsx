import { graphql } from '../gql';
import { useState } from 'react';
import { useQuery } from '../api';
import { ErrorBox, Loading, Page } from '../ui';

/** Each interviewer's leniency offset as a bar left (stricter) or right (more lenient) of zero. */
export function CalibrationPage() {
  const [jobId, setJobId] = useState('');
  const jobs = useQuery(
    graphql(`
      query CalibrationJobs {
        jobs(limit: 200) {
          items {
            id
            title
          }
        }
      }
    `),
  );
  const { data, error, loading } = useQuery(
    graphql(`
      query CalibrationInterviewerCalibration($job: ID) {
        interviewerCalibration(jobId: $job) {
          interviewerId
          kind
          rubricId
          interviewer {
            name
            email
          }
          scorecards
          candidates
          ratings
          mean
          spread
          leniencyOffset
          sharedCandidates
        }
      }
    `),
    { job: jobId || undefined },
  );
  const rows = data?.interviewerCalibration ?? [];
  const scale = Math.max(1, ...rows.map((r) => Math.abs(r.leniencyOffset ?? 0)));
  return (
    <Page title="Interviewer calibration">
      <label>
        Job
        <select value={jobId} onChange={(e) => setJobId(e.target.value)}>
          <option value="">All jobs</option>
          {jobs.data?.jobs.items.map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </select>
      </label>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && !rows.length && <p>No submitted scorecards yet.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Calibration">
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Interview kind</th>
                <th scope="col">Scorecards</th>
                <th scope="col">Mean (1-4)</th>
                <th scope="col">Spread</th>
                <th scope="col">Leniency offset</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const off = r.leniencyOffset;
                const w = off == null ? 0 : (Math.abs(off) / scale) * 50;
                return (
                  <tr key={`${r.interviewerId}|${r.kind}|${r.rubricId}`}>
                    <td>{r.interviewer?.name ?? r.interviewerId}</td>
                    <td>{r.kind}</td>
                    <td>
                      {r.scorecards} ({r.candidates} candidates)
                    </td>
                    <td>{r.mean.toFixed(2)}</td>
                    <td>{r.spread.toFixed(2)}</td>
                    <td>
                      <div
                        className="offset"
                        role="img"
                        aria-label={
                          off == null ? 'No shared candidates' : `Offset ${off.toFixed(2)} over ${r.sharedCandidates} shared candidates`
                        }
                      >
                        <span className="zero" />
                        {off != null && (
                          <span
                            className={`bar ${off >= 0 ? 'pos' : 'neg'}`}
                            style={off >= 0 ? { left: '50%', width: `${w}%` } : { left: `${50 - w}%`, width: `${w}%` }}
                          />
                        )}
                      </div>
                      <span className="small">
                        {off == null ? 'no shared candidates' : `${off >= 0 ? '+' : ''}${off.toFixed(2)} (${r.sharedCandidates} shared)`}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

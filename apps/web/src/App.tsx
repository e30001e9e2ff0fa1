import type { ReactNode } from 'react';
import { setSession, useSession, type Role } from './api';
import { Link, navigate, usePath } from './router';
import { LoginPage } from './pages/Login';
import { JobsPage, JobPage } from './pages/Jobs';
import { MyApplicationsPage } from './pages/MyApplications';
import { InvitePage } from './pages/Invite';
import { AttemptPage } from './pages/Attempt';
import { MyInterviewsPage, InterviewPage } from './pages/Interviews';
import { RecruiterJobsPage, EditJobPage } from './pages/RecruiterJobs';
import { ApplicationsPage } from './pages/Applications';
import { ShortlistPage } from './pages/Shortlist';
import { ProblemsPage } from './pages/Problems';
import { AssessmentsPage } from './pages/Assessments';
import { CalibrationPage } from './pages/Calibration';
import { Page } from './ui';

const STAFF: Role[] = ['ADMIN', 'RECRUITER'];

function route(path: string, role: Role | undefined) {
  let m: RegExpMatchArray | null;
  const need = (roles: Role[], el: ReactNode) => (role && roles.includes(role) ? el : <LoginPage reason={role ? 'This page needs another role.' : 'Please log in to continue.'} />);
  if (path === '/' || path === '/jobs') return <JobsPage />;
  if (path === '/login') return <LoginPage />;
  if ((m = path.match(/^\/jobs\/([^/]+)$/))) return <JobPage id={m[1]} />;
  if (path === '/applications') return need(['CANDIDATE'], <MyApplicationsPage />);
  if ((m = path.match(/^\/invite\/([^/]+)$/))) return need(['CANDIDATE'], <InvitePage token={decodeURIComponent(m[1])} />);
  if ((m = path.match(/^\/attempts\/([^/]+)$/))) return need(['CANDIDATE'], <AttemptPage id={m[1]} />);
  if (path === '/interviews') return need(['INTERVIEWER', ...STAFF], <MyInterviewsPage />);
  if ((m = path.match(/^\/interviews\/([^/]+)$/))) return need(['INTERVIEWER', ...STAFF], <InterviewPage id={m[1]} />);
  if (path === '/recruiter/jobs') return need(STAFF, <RecruiterJobsPage />);
  if ((m = path.match(/^\/recruiter\/jobs\/([^/]+)\/edit$/))) return need(STAFF, <EditJobPage id={m[1]} />);
  if ((m = path.match(/^\/recruiter\/jobs\/([^/]+)\/applications$/))) return need(STAFF, <ApplicationsPage jobId={m[1]} />);
  if ((m = path.match(/^\/recruiter\/jobs\/([^/]+)\/shortlist$/))) return need(STAFF, <ShortlistPage jobId={m[1]} />);
  if (path === '/recruiter/problems') return need(STAFF, <ProblemsPage />);
  if (path === '/recruiter/assessments') return need(STAFF, <AssessmentsPage />);
  if (path === '/recruiter/calibration') return need(STAFF, <CalibrationPage />);
  return (
    <Page title="Not found">
      <p>
        There is nothing here. <Link to="/">Back to the jobs</Link>.
      </p>
    </Page>
  );
}

export function App() {
  const session = useSession();
  const path = usePath();
  const role = session?.user.role;
  const links: [string, string][] = [['/', 'Jobs']];
  if (role === 'CANDIDATE') links.push(['/applications', 'My applications']);
  if (role === 'INTERVIEWER' || (role && STAFF.includes(role))) links.push(['/interviews', 'My interviews']);
  if (role && STAFF.includes(role))
    links.push(['/recruiter/jobs', 'Manage jobs'], ['/recruiter/problems', 'Problem bank'], ['/recruiter/assessments', 'Assessments'], ['/recruiter/calibration', 'Calibration']);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Hiring platform
        </Link>
        <nav aria-label="Main">
          {links.map(([to, text]) => (
            <Link key={to} to={to} aria-current={path === to ? 'page' : undefined}>
              {text}
            </Link>
          ))}
        </nav>
        <div className="who">
          {session ? (
            <>
              <span data-testid="whoami">
                {session.user.name} <span className="muted">({label(session.user.role)})</span>
              </span>
              <button
                type="button"
                className="link"
                onClick={() => {
                  setSession(null);
                  navigate('/');
                }}
              >
                Log out
              </button>
            </>
          ) : (
            <Link to="/login">Log in</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route(path, role)}
      </main>
    </>
  );
}

const label = (r: string) => r.charAt(0) + r.slice(1).toLowerCase();

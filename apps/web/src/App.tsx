import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { Provider } from 'urql';
import { logout, mayReadFairnessReport, urqlClient, useSession, type Role, type SessionUser } from './api';
import { Loading, Page } from './ui';

// One chunk per page: a candidate's first page loads neither the recruiter pages nor the editor.
const LoginPage = lazy(() => import('./pages/Login').then((m) => ({ default: m.LoginPage })));
const JobsPage = lazy(() => import('./pages/OpenJobs').then((m) => ({ default: m.JobsPage })));
const JobPage = lazy(() => import('./pages/Jobs').then((m) => ({ default: m.JobPage })));
const MyApplicationsPage = lazy(() => import('./pages/MyApplications').then((m) => ({ default: m.MyApplicationsPage })));
const MyDataPage = lazy(() => import('./pages/MyData').then((m) => ({ default: m.MyDataPage })));
const InvitePage = lazy(() => import('./pages/Invite').then((m) => ({ default: m.InvitePage })));
const AttemptPage = lazy(() => import('./pages/Attempt').then((m) => ({ default: m.AttemptPage })));
const PracticePage = lazy(() => import('./pages/Attempt').then((m) => ({ default: m.PracticePage })));
const MyInterviewsPage = lazy(() => import('./pages/Interviews').then((m) => ({ default: m.MyInterviewsPage })));
const InterviewPage = lazy(() => import('./pages/Interviews').then((m) => ({ default: m.InterviewPage })));
const RecruiterJobsPage = lazy(() => import('./pages/RecruiterJobs').then((m) => ({ default: m.RecruiterJobsPage })));
const EditJobPage = lazy(() => import('./pages/RecruiterJobs').then((m) => ({ default: m.EditJobPage })));
const ApplicationsPage = lazy(() => import('./pages/Applications').then((m) => ({ default: m.ApplicationsPage })));
const ShortlistPage = lazy(() => import('./pages/Shortlist').then((m) => ({ default: m.ShortlistPage })));
const ProblemsPage = lazy(() => import('./pages/Problems').then((m) => ({ default: m.ProblemsPage })));
const NewProblemPage = lazy(() => import('./pages/ProblemEditor').then((m) => ({ default: m.NewProblemPage })));
const EditProblemPage = lazy(() => import('./pages/ProblemEditor').then((m) => ({ default: m.EditProblemPage })));
const RubricsPage = lazy(() => import('./pages/Rubrics').then((m) => ({ default: m.RubricsPage })));
const NewRubricPage = lazy(() => import('./pages/Rubrics').then((m) => ({ default: m.NewRubricPage })));
const EditRubricPage = lazy(() => import('./pages/Rubrics').then((m) => ({ default: m.EditRubricPage })));
const AssessmentsPage = lazy(() => import('./pages/Assessments').then((m) => ({ default: m.AssessmentsPage })));
const TimelinePage = lazy(() => import('./pages/Timeline').then((m) => ({ default: m.TimelinePage })));
const FairnessReportPage = lazy(() => import('./pages/Fairness').then((m) => ({ default: m.FairnessReportPage })));
const SimilarityPage = lazy(() => import('./pages/Similarity').then((m) => ({ default: m.SimilarityPage })));
const CalibrationPage = lazy(() => import('./pages/Calibration').then((m) => ({ default: m.CalibrationPage })));
const StaffPage = lazy(() => import('./pages/Staff').then((m) => ({ default: m.StaffPage })));

const STAFF: Role[] = ['ADMIN', 'RECRUITER'];
const INTERVIEWERS: Role[] = ['INTERVIEWER', ...STAFF];
const CANDIDATES: Role[] = ['CANDIDATE'];
const ADMINS: Role[] = ['ADMIN'];

/**
 * Pages for some roles only (and, with `may`, for the users of those roles it admits, e.g. those
 * granted a permission): anyone else gets the login form in place, at the same address, saying
 * why (another role is needed, or `denied` for a user of the right role whom `may` refuses).
 */
function Need({ roles, may, denied, children }: { roles: Role[]; may?: (u: SessionUser) => boolean; denied?: string; children: ReactNode }) {
  const user = useSession()?.user;
  if (!user) return <LoginPage reason="Please log in to continue." />;
  if (!roles.includes(user.role)) return <LoginPage reason="This page needs another role." />;
  if (may && !may(user)) return <LoginPage reason={denied ?? 'This page needs a permission you do not have.'} />;
  return children;
}

/** Route parameters by name; React Router gives each as `string | undefined` though the route pattern guarantees it. */
function useParam(name: string): string {
  return useParams()[name] ?? '';
}
const JobRoute = () => <JobPage id={useParam('id')} />;
const InviteRoute = () => <InvitePage token={useParam('token')} />;
const AttemptRoute = () => <AttemptPage id={useParam('id')} />;
const PracticeRoute = () => <PracticePage attemptId={useParam('id')} />;
const InterviewRoute = () => <InterviewPage id={useParam('id')} />;
const EditJobRoute = () => <EditJobPage id={useParam('id')} />;
const ApplicationsRoute = () => <ApplicationsPage jobId={useParam('id')} />;
const ShortlistRoute = () => <ShortlistPage jobId={useParam('id')} />;
const EditProblemRoute = () => <EditProblemPage id={useParam('id')} />;
const EditRubricRoute = () => <EditRubricPage id={useParam('id')} />;
const FairnessRoute = () => <FairnessReportPage jobId={useParam('id')} />;
const TimelineRoute = () => <TimelinePage id={useParam('id')} />;
const SimilarityRoute = () => <SimilarityPage attemptId={useParam('id')} />;

function NotFound() {
  return (
    <Page title="Not found">
      <p>
        There is nothing here. <Link to="/">Back to the jobs</Link>.
      </p>
    </Page>
  );
}

/**
 * After a client-side navigation, focus moves to the main region (a screen reader announces the
 * new page, keyboard users start from its top) and the window scrolls up; the first load keeps
 * the browser's own focus. Each page sets `document.title` itself (see Page).
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}

function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useFocusOnNavigation();
  const role = session?.user.role;
  const links: [string, string][] = [['/', 'Jobs']];
  if (role === 'CANDIDATE') links.push(['/applications', 'My applications'], ['/my-data', 'Your data']);
  if (role && INTERVIEWERS.includes(role)) links.push(['/interviews', 'My interviews']);
  if (role && STAFF.includes(role))
    links.push(
      ['/recruiter/jobs', 'Manage jobs'],
      ['/recruiter/problems', 'Problem bank'],
      ['/recruiter/rubrics', 'Rubrics'],
      ['/recruiter/assessments', 'Assessments'],
      ['/recruiter/calibration', 'Calibration'],
    );
  if (role === 'ADMIN') links.push(['/admin/staff', 'Staff']);
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
            <Link key={to} to={to} aria-current={pathname === to ? 'page' : undefined}>
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
                  void logout().finally(() => navigate('/'));
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
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<JobsPage />} />
            <Route path="/jobs" element={<JobsPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/jobs/:id" element={<JobRoute />} />
            <Route
              path="/applications"
              element={
                <Need roles={CANDIDATES}>
                  <MyApplicationsPage />
                </Need>
              }
            />
            <Route
              path="/my-data"
              element={
                <Need roles={CANDIDATES}>
                  <MyDataPage />
                </Need>
              }
            />
            <Route
              path="/invite/:token"
              element={
                <Need roles={CANDIDATES}>
                  <InviteRoute />
                </Need>
              }
            />
            <Route
              path="/attempts/:id"
              element={
                <Need roles={CANDIDATES}>
                  <AttemptRoute />
                </Need>
              }
            />
            <Route
              path="/attempts/:id/practice"
              element={
                <Need roles={CANDIDATES}>
                  <PracticeRoute />
                </Need>
              }
            />
            <Route
              path="/interviews"
              element={
                <Need roles={INTERVIEWERS}>
                  <MyInterviewsPage />
                </Need>
              }
            />
            <Route
              path="/interviews/:id"
              element={
                <Need roles={INTERVIEWERS}>
                  <InterviewRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/jobs"
              element={
                <Need roles={STAFF}>
                  <RecruiterJobsPage />
                </Need>
              }
            />
            <Route
              path="/recruiter/jobs/:id/edit"
              element={
                <Need roles={STAFF}>
                  <EditJobRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/jobs/:id/applications"
              element={
                <Need roles={STAFF}>
                  <ApplicationsRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/jobs/:id/shortlist"
              element={
                <Need roles={STAFF}>
                  <ShortlistRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/attempts/:id/similarity"
              element={
                <Need roles={STAFF}>
                  <SimilarityRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/jobs/:id/fairness"
              element={
                <Need
                  roles={STAFF}
                  may={mayReadFairnessReport}
                  denied="The adverse-impact report needs the FAIRNESS_REPORT permission: ask an admin to grant it (Staff page)."
                >
                  <FairnessRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/problems"
              element={
                <Need roles={STAFF}>
                  <ProblemsPage />
                </Need>
              }
            />
            <Route
              path="/recruiter/problems/new"
              element={
                <Need roles={STAFF}>
                  <NewProblemPage />
                </Need>
              }
            />
            <Route
              path="/recruiter/problems/:id/edit"
              element={
                <Need roles={STAFF}>
                  <EditProblemRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/rubrics"
              element={
                <Need roles={STAFF}>
                  <RubricsPage />
                </Need>
              }
            />
            <Route
              path="/recruiter/rubrics/new"
              element={
                <Need roles={STAFF}>
                  <NewRubricPage />
                </Need>
              }
            />
            <Route
              path="/recruiter/rubrics/:id/edit"
              element={
                <Need roles={STAFF}>
                  <EditRubricRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/assessments"
              element={
                <Need roles={STAFF}>
                  <AssessmentsPage />
                </Need>
              }
            />
            <Route
              path="/recruiter/attempts/:id/timeline"
              element={
                <Need roles={STAFF}>
                  <TimelineRoute />
                </Need>
              }
            />
            <Route
              path="/recruiter/calibration"
              element={
                <Need roles={STAFF}>
                  <CalibrationPage />
                </Need>
              }
            />
            <Route
              path="/admin/staff"
              element={
                <Need roles={ADMINS}>
                  <StaffPage />
                </Need>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

export function App() {
  // Re-rendered on login and logout: the session's own urql client (and cache) is provided.
  useSession();
  return (
    <Provider value={urqlClient()}>
      <BrowserRouter>
        <Layout />
      </BrowserRouter>
    </Provider>
  );
}

const label = (r: string) => r.charAt(0) + r.slice(1).toLowerCase();

import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, download, eraseMyAccount, useSession } from '../api';
import { ErrorBox, fieldProps, Page, useAsk } from '../ui';

/** A candidate's data rights: download everything held about them, or erase the account. */
export function MyDataPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [ask, dialog] = useAsk();
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [confirm, setConfirm] = useState('');
  const [password, setPassword] = useState('');
  const [err, setErr] = useState<ApiError | null>(null);
  const [erasing, setErasing] = useState(false);

  const save = async () => {
    setDownloadError(null);
    setDownloading(true);
    try {
      await download('/me/data.json', `my-data-${new Date().toISOString().slice(0, 10)}.json`);
    } catch (x) {
      setDownloadError(x as ApiError);
    } finally {
      setDownloading(false);
    }
  };

  const erase = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    const sure = await ask({
      title: 'Erase your account for good?',
      body: 'Your name, email, profiles, answers, résumés and code are removed, and you are logged out. Nobody, not even an administrator, can undo it.',
      confirm: 'Erase my account',
    });
    if (sure !== true) return;
    setErasing(true);
    try {
      await eraseMyAccount(confirm, password, () => void navigate('/login', { state: { erased: true } }));
    } catch (x) {
      setErr(x as ApiError);
      setErasing(false);
    }
  };

  const c = fieldProps(err, 'confirm', 'erase-confirm');
  const p = fieldProps(err, 'password', 'erase-password');
  return (
    <Page title="Your data">
      <section aria-labelledby="export-title">
        <h2 id="export-title">Download your data</h2>
        <p>
          One JSON file with everything the platform holds about you: your account, applications (profile, answers, résumé, stage history, self-identification,
          interviews), assessment attempts with their timeline and recorded code, and your submissions with their results on visible tests. Interviewers&apos;
          scorecards and hidden tests are not included; the file says why.
        </p>
        <button type="button" onClick={() => void save()} disabled={downloading} data-testid="download-data">
          {downloading ? 'Preparing…' : 'Download my data (JSON)'}
        </button>
        <ErrorBox error={downloadError} />
      </section>
      <section aria-labelledby="erase-title">
        <h2 id="erase-title">Erase your account</h2>
        <p>
          Erasing removes your name, email, profiles, answers, résumés and code, ends every session, and you can no longer log in. Recruiters then see
          &quot;Erased candidate&quot;. Stages, verdicts and scores stay without your identity, so the counts of the hiring process stay true. This cannot be
          undone: download your data first if you want a copy.
        </p>
        <form onSubmit={(e) => void erase(e)} aria-label="Erase your account">
          <label htmlFor="erase-confirm">
            Type your email ({session?.user.email}) or &quot;erase my account&quot;
          </label>
          <input value={confirm} onChange={(e) => setConfirm(e.target.value)} required autoComplete="off" {...c.input} />
          {c.message}
          <label htmlFor="erase-password">Your current password</label>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" {...p.input} />
          {p.message}
          <ErrorBox error={err && !err.fields.length ? err : null} />
          <button type="submit" className="danger" disabled={erasing}>
            {erasing ? 'Erasing…' : 'Erase my account'}
          </button>
        </form>
      </section>
      {dialog}
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { login, register, type SessionUser } from '../api';
import { useLocation, useNavigate } from 'react-router';
import { ErrorBox, Page, fieldProps } from '../ui';

export function homeFor(u: SessionUser): string {
  if (u.role === 'CANDIDATE') return '/applications';
  if (u.role === 'INTERVIEWER') return '/interviews';
  return '/recruiter/jobs';
}

/** Log in or sign up (candidates only); stays on the current address when a page asked for it. */
export function LoginPage({ reason }: { reason?: string }) {
  const navigate = useNavigate();
  // Set by the "Your data" page after an erasure.
  const erased = (useLocation().state as { erased?: boolean } | null)?.erased === true;
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const u = mode === 'login' ? await login(email, password) : await register(name, email, password);
      if (location.pathname === '/login') void navigate(homeFor(u), { replace: true });
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={mode === 'login' ? 'Log in' : 'Create a candidate account'}>
      {reason && <p className="muted">{reason}</p>}
      {erased && (
        <p role="status" data-testid="erased-notice">
          Your account was erased and you were logged out.
        </p>
      )}
      <form className="card narrow" onSubmit={onSubmit} aria-label={mode === 'login' ? 'Log in' : 'Sign up'}>
        {mode === 'register' && (
          <label>
            Name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              autoComplete="name"
              {...fieldProps(error, 'name', 'login-name').input}
            />
            {fieldProps(error, 'name', 'login-name').message}
          </label>
        )}
        <label>
          Email
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoComplete="email"
            {...fieldProps(error, 'email', 'login-email').input}
          />
          {fieldProps(error, 'email', 'login-email').message}
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={mode === 'register' ? 10 : 1}
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            {...fieldProps(error, 'password', 'login-password').input}
          />
          {fieldProps(error, 'password', 'login-password').message}
        </label>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {mode === 'login' ? 'Log in' : 'Sign up'}
        </button>
        <button type="button" className="link" onClick={() => setMode(mode === 'login' ? 'register' : 'login')}>
          {mode === 'login' ? 'New candidate? Create an account' : 'Already have an account? Log in'}
        </button>
      </form>
      <p className="muted small">
        Demo accounts (password demo-password-123): candidate@example.com, interviewer@example.com, recruiter@example.com.
      </p>
    </Page>
  );
}

import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from './api';

export function ErrorBox({ error }: { error?: ApiError | Error | string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {typeof error === 'string' ? error : error.message}
    </p>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p aria-live="polite" className="muted">
      {what}…
    </p>
  );
}

export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Hiring platform`;
  }, [title]);
  return (
    <section className="page">
      <div className="page-head">
        <h1>{title}</h1>
        {actions}
      </div>
      {children}
    </section>
  );
}

export const pct = (x: number | null | undefined) => (x == null ? '—' : `${Math.round(x * 100)}%`);
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
export const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

/** `text` overrides the stage's name, e.g. "Under review" for a candidate whose application is SCREENED. */
export function StageBadge({ stage, text }: { stage: string; text?: string }) {
  return <span className={`badge stage-${stage.toLowerCase()}`}>{text ?? label(stage)}</span>;
}

export function VerdictBadge({ verdict }: { verdict: string | null | undefined }) {
  if (!verdict) return <span className="badge">no verdict</span>;
  return <span className={`badge verdict ${verdict === 'ACCEPTED' ? 'ok' : 'bad'}`}>{verdict.replace(/_/g, ' ')}</span>;
}

/** A field's own server error (BAD_USER_INPUT's `extensions.fields`), tied to it by `aria-describedby`. */
export function fieldProps(error: ApiError | Error | null | undefined, field: string, id: string) {
  const message = error && 'fieldMessage' in error ? error.fieldMessage(field) : undefined;
  return {
    input: { 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined, id } as const,
    message: message ? (
      <span id={`${id}-error`} className="field-error">
        {message}
      </span>
    ) : null,
  };
}

interface Ask {
  title: string;
  body?: string;
  confirm: string;
  /** With a label, the dialog asks for a text (the answer); without, it asks yes or no. */
  input?: { label: string; initial?: string; type?: 'text' | 'number'; min?: number; max?: number; required?: boolean };
}

/**
 * An in-page replacement of confirm() and prompt(): a modal <dialog> (the browser traps focus
 * in it, Escape cancels, focus returns to the button that opened it). `ask` resolves with the
 * text entered (or `true` for a yes/no question), and null when cancelled.
 */
export function useAsk(): [(a: Ask) => Promise<string | true | null>, ReactNode] {
  const [req, setReq] = useState<(Ask & { resolve: (v: string | true | null) => void }) | null>(null);
  const ask = useCallback((a: Ask) => new Promise<string | true | null>((resolve) => setReq({ ...a, resolve })), []);
  const close = useCallback(
    (v: string | true | null) => {
      req?.resolve(v);
      setReq(null);
    },
    [req],
  );
  return [ask, req ? <AskDialog key={req.title} ask={req} onClose={close} /> : null];
}

function AskDialog({ ask, onClose }: { ask: Ask; onClose: (v: string | true | null) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [value, setValue] = useState(ask.input?.initial ?? '');
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    return () => opener?.focus();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onClose(ask.input ? value : true);
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={ask.body ? `${id}-body` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose(null);
      }}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{ask.title}</h2>
        {ask.body && <p id={`${id}-body`}>{ask.body}</p>}
        {ask.input && (
          <label>
            {ask.input.label}
            <input
              type={ask.input.type ?? 'text'}
              value={value}
              min={ask.input.min}
              max={ask.input.max}
              required={ask.input.required ?? true}
              onChange={(e) => setValue(e.target.value)}
              autoFocus
            />
          </label>
        )}
        <div className="row">
          <button type="button" className="secondary" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="submit" autoFocus={!ask.input}>
            {ask.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** What the attempt page records, as the API words it (Attempt.recordingNotice). */
export function RecordingNotice({ items }: { items: readonly string[] }) {
  if (!items.length) return null;
  return (
    <section aria-label="What is recorded" data-testid="recording-notice">
      <h3>What is recorded during the assessment</h3>
      <ul>
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </section>
  );
}

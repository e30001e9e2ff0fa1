import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo, type ReactNode } from 'react';
import type { ApiError } from './api';

export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(source, { async: false })), [source]);
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

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

export function StageBadge({ stage }: { stage: string }) {
  return <span className={`badge stage-${stage.toLowerCase()}`}>{label(stage)}</span>;
}

export function VerdictBadge({ verdict }: { verdict: string | null | undefined }) {
  if (!verdict) return <span className="badge">no verdict</span>;
  return <span className={`badge verdict ${verdict === 'ACCEPTED' ? 'ok' : 'bad'}`}>{verdict.replace(/_/g, ' ')}</span>;
}

import { ApiError, gql, onConnectionChange } from './api';
import { graphql } from './gql';
import type { AttemptEventType, Language } from './gql/graphql';

/**
 * The attempt timeline and code playback, from the candidate's side: what the assessment's
 * instructions say is recorded (Attempt.recordingNotice), and nothing else. Events and code
 * snapshots are queued and sent every few seconds as one ordered batch with an id of its own, so a
 * batch retried after a network error is stored once. Runs and submissions are recorded by the
 * API itself.
 */
const RECORD = graphql(`
  mutation ActivityRecord($i: RecordAttemptActivityInput!) {
    recordAttemptActivity(input: $i) {
      batchId
      stored
    }
  }
`);

/** How often a batch goes out (the API allows 30 a minute). */
export const FLUSH_MS = 5000;
const MAX_EVENTS = 200;
const MAX_SNAPSHOTS = 20;
const COPIES_KEPT = 50;

interface QueuedEvent {
  type: AttemptEventType;
  problemId?: string;
  at: number;
  chars?: number;
  lines?: number;
  external?: boolean;
  cause?: string;
}

interface QueuedSnapshot {
  problemId: string;
  language: Language;
  code: string;
  at: number;
}

interface Batch {
  batchId: string;
  events: QueuedEvent[];
  snapshots: QueuedSnapshot[];
}

const normalize = (text: string) => text.replace(/\r\n/g, '\n').trim();
const newBatchId = () => (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`).replace(/[^A-Za-z0-9_-]/g, '');

export class ActivityRecorder {
  private events: QueuedEvent[] = [];
  /** The latest code per problem not yet sent, taken at most once per flush. */
  private pending = new Map<string, QueuedSnapshot>();
  private lastSent = new Map<string, string>();
  /** A batch that failed to send, retried as is (same id) before anything newer. */
  private inFlight: Batch | null = null;
  private copied: string[] = [];
  private away = false;
  private online = true;
  private stopped = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sending: Promise<void> | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly attemptId: string) {}

  start(): void {
    const on = <K extends keyof WindowEventMap>(target: Window, type: K, fn: (e: WindowEventMap[K]) => void) => {
      target.addEventListener(type, fn);
      this.cleanups.push(() => target.removeEventListener(type, fn));
    };
    const onDoc = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) => {
      document.addEventListener(type, fn);
      this.cleanups.push(() => document.removeEventListener(type, fn));
    };
    onDoc('visibilitychange', () => (document.visibilityState === 'hidden' ? this.lostFocus('hidden') : this.regainedFocus()));
    on(window, 'blur', () => this.lostFocus('blur'));
    on(window, 'focus', () => this.regainedFocus());
    // What is copied inside the page, so a paste of it is not counted as coming from elsewhere.
    const remember = (e: ClipboardEvent) => {
      const text = e.clipboardData?.getData('text/plain') || window.getSelection()?.toString() || '';
      if (normalize(text)) this.copied = [normalize(text), ...this.copied.filter((t) => t !== normalize(text))].slice(0, COPIES_KEPT);
    };
    onDoc('copy', remember);
    onDoc('cut', remember);
    on(window, 'offline', () => this.connection(false));
    on(window, 'online', () => this.connection(true));
    this.cleanups.push(onConnectionChange((up) => this.connection(up)));
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.cleanups.splice(0).forEach((c) => c());
  }

  private push(e: Omit<QueuedEvent, 'at'>): void {
    if (this.stopped || this.events.length >= 1000) return;
    this.events.push({ ...e, at: performance.now() });
  }

  problemOpened(problemId: string): void {
    this.push({ type: 'PROBLEM_OPENED', problemId });
  }

  pasted(problemId: string, text: string): void {
    const t = normalize(text);
    this.push({ type: 'PASTE', problemId, chars: text.length, lines: text ? text.split('\n').length : 0, external: !this.copied.includes(t) });
  }

  codeChanged(problemId: string, language: Language, code: string): void {
    if (this.lastSent.get(problemId) === code) {
      this.pending.delete(problemId);
      return;
    }
    this.pending.set(problemId, { problemId, language, code, at: performance.now() });
  }

  /** The API recorded this code itself (a run or a submission): no need to send it again. */
  sentByServer(problemId: string, code: string): void {
    this.lastSent.set(problemId, code);
    if (this.pending.get(problemId)?.code === code) this.pending.delete(problemId);
  }

  private lostFocus(cause: 'hidden' | 'blur'): void {
    if (this.away) return;
    this.away = true;
    this.push({ type: 'FOCUS_LOST', cause });
  }

  private regainedFocus(): void {
    if (!this.away || document.visibilityState === 'hidden') return;
    this.away = false;
    this.push({ type: 'FOCUS_REGAINED' });
  }

  private connection(up: boolean): void {
    if (up === this.online) return;
    this.online = up;
    this.push({ type: up ? 'CONNECTION_RESTORED' : 'CONNECTION_LOST' });
  }

  /** Sends what is queued (one batch at a time); the page awaits it before finishing. */
  flush(): Promise<void> {
    this.sending ??= this.send().finally(() => (this.sending = null));
    return this.sending;
  }

  private async send(): Promise<void> {
    if (!this.inFlight) {
      if (!this.events.length && !this.pending.size) return;
      const events = this.events.splice(0, MAX_EVENTS);
      const snapshots = [...this.pending.values()].slice(0, MAX_SNAPSHOTS);
      snapshots.forEach((s) => this.pending.delete(s.problemId));
      this.inFlight = { batchId: newBatchId(), events, snapshots };
    }
    const b = this.inFlight;
    const now = performance.now();
    const age = (at: number) => Math.min(15 * 60 * 1000, Math.max(0, Math.round(now - at)));
    try {
      await gql(RECORD, {
        i: {
          attemptId: this.attemptId,
          batchId: b.batchId,
          events: b.events.map(({ at, ...e }) => ({ ...e, ageMs: age(at) })),
          snapshots: b.snapshots.map(({ at, ...s }) => ({ ...s, language: s.language.toLowerCase(), ageMs: age(at) })),
        },
      });
      b.snapshots.forEach((s) => this.lastSent.set(s.problemId, s.code));
      this.inFlight = null;
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'NETWORK';
      // Network trouble and rate limits: the same batch goes again at the next tick.
      if (code === 'NETWORK' || code === 'RATE_LIMITED' || code === 'INTERNAL_SERVER_ERROR') return;
      // The attempt is over, the timeline is full, or the batch is refused: recording stops.
      this.inFlight = null;
      this.stop();
    }
  }
}

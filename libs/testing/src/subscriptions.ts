import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T> {
  /** Every payload received so far. */
  events: T[];
  /** Resolves with the events once `until` holds for the latest one (or rejects on timeout). */
  waitFor(until: (e: T) => boolean, timeoutMs?: number): Promise<T[]>;
  /** Resolves when the server completes the subscription. */
  completed: Promise<void>;
  close(): Promise<void>;
}

/** A real graphql-ws client, authenticated through connectionParams like the web app. */
export function subscribe<T = Record<string, any>>(httpUrl: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const events: T[] = [];
  const waiters: Array<() => void> = [];
  let failure: Error | undefined;
  const completed = new Promise<void>((resolve, reject) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (msg) => {
          if (msg.errors?.length) failure = new Error(`subscription error: ${JSON.stringify(msg.errors)}`);
          else if (msg.data) events.push(msg.data);
          waiters.forEach((w) => w());
        },
        error: (e) => {
          failure = e instanceof Error ? e : new Error(JSON.stringify(e));
          waiters.forEach((w) => w());
          reject(failure);
        },
        // An error delivered as a result (graphql-ws sends execution errors that way) fails it too.
        complete: () => (failure ? reject(failure) : resolve()),
      },
    );
  });
  completed.catch(() => undefined);
  return {
    events,
    completed,
    waitFor(until, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(events)}`)), timeoutMs);
        const check = () => {
          if (failure) {
            clearTimeout(timer);
            reject(failure);
          } else if (events.length && until(events[events.length - 1])) {
            clearTimeout(timer);
            resolve(events);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => client.dispose() as Promise<void>,
  };
}

import type { AddressInfo } from 'node:net';
import { readiness, serveMetrics } from './metrics';

describe("the worker's health endpoints", () => {
  const serve = async (db: { query(): Promise<unknown> }, redis: { status: string; ping(): Promise<unknown> }) => {
    const server = serveMetrics(0, readiness(db, redis));
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { base, close: () => new Promise((r) => server.close(r)) };
  };

  it('is ready when the database and Redis answer, unavailable (503) naming what failed otherwise', async () => {
    const up = await serve({ query: async () => [{ 1: 1 }] }, { status: 'ready', ping: async () => 'PONG' });
    try {
      expect((await fetch(`${up.base}/health`)).status).toBe(200);
      const r = await fetch(`${up.base}/ready`);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ status: 'ready', checks: { database: { ok: true }, redis: { ok: true } } });
    } finally {
      await up.close();
    }
    const down = await serve({ query: () => Promise.reject(new Error('connect ECONNREFUSED')) }, { status: 'reconnecting', ping: async () => 'PONG' });
    try {
      const r = await fetch(`${down.base}/ready`);
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({
        status: 'unavailable',
        checks: { database: { ok: false, error: 'connect ECONNREFUSED' }, redis: { ok: false, error: 'connection is reconnecting' } },
      });
    } finally {
      await down.close();
    }
  });
});

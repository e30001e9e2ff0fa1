import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@app/core';
import { registry } from './metrics';

type Check = { ok: boolean; error?: string; latencyMs?: number };

async function timed(fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return { ok: true, latencyMs: Date.now() - started };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness, readiness and metrics: plain HTTP, outside GraphQL and its auth. */
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('health')
  @HttpCode(200)
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: string; checks: Record<string, Check> }> {
    const [database, redis] = await Promise.all([
      timed(() => this.db.query('SELECT 1'), 2000),
      this.redis.status === 'ready'
        ? timed(() => this.redis.ping(), 1000)
        : Promise.resolve<Check>({ ok: false, error: `connection is ${this.redis.status}` }),
    ]);
    const ok = database.ok && redis.ok;
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'unavailable', checks: { database, redis } };
  }

  @Get('metrics')
  @Header('Content-Type', registry.contentType)
  metrics(): Promise<string> {
    return registry.metrics();
  }
}

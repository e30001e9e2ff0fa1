import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { loadConfig } from '@app/config';
import { freePort, startRedis, tempDir, waitFor } from '@app/testing';
import { createRedis, probeRedis } from './redis';

/*
 * Redis Sentinel for real: a master, a replica and one sentinel (quorum 1) on spare ports, the
 * platform's connection built from REDIS_SENTINELS / REDIS_SENTINEL_NAME, then a forced failover:
 * the same client keeps writing, to the new master.
 */
async function getFrom(url: string, key: string): Promise<string | null> {
  const c = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    return await c.get(key);
  } finally {
    c.disconnect();
  }
}

describe('Redis Sentinel through the configuration', () => {
  const stops: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const s of stops.reverse()) await s();
  });

  it('connects through the sentinels, queues with BullMQ, and follows a failover', async () => {
    const master = await startRedis();
    stops.push(master.stop);
    const dir = tempDir('hp-sentinel-');
    stops.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const replicaPort = await freePort();
    // `--dir`: a replica writes the master's snapshot to disk on its first sync (dump.rdb in its
    // working directory otherwise: the repository's root when the suite runs).
    const replica = spawn('redis-server', ['--port', String(replicaPort), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--replicaof', '127.0.0.1', String(master.port)], { stdio: 'ignore' });
    stops.push(() => void replica.kill('SIGKILL'));
    const sentinelPort = await freePort();
    const conf = path.join(dir, 'sentinel.conf');
    fs.writeFileSync(
      conf,
      [`port ${sentinelPort}`, 'bind 127.0.0.1', `dir ${dir}`, `sentinel monitor hpmaster 127.0.0.1 ${master.port} 1`, 'sentinel down-after-milliseconds hpmaster 1000', 'sentinel failover-timeout hpmaster 5000', ''].join('\n'),
    );
    const sentinel = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
    stops.push(() => void sentinel.kill('SIGKILL'));

    const admin = new IORedis({ port: sentinelPort, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => 200 });
    stops.push(() => admin.disconnect());
    // The sentinel knows the master and has found its replica, in sync (a failover needs one).
    await waitFor(async () => {
      try {
        const replicas = (await admin.call('SENTINEL', 'REPLICAS', 'hpmaster')) as string[][];
        if (replicas.length !== 1) return false;
        const fields = new Map<string, string>();
        for (let i = 0; i + 1 < replicas[0].length; i += 2) fields.set(replicas[0][i], replicas[0][i + 1]);
        return fields.get('master-link-status') === 'ok' && !/s_down|disconnected/.test(fields.get('flags') ?? '');
      } catch {
        return false;
      }
    }, 60_000, 'the sentinel to find the replica in sync');

    const config = loadConfig({ REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_NAME: 'hpmaster', REDIS_PREFIX: 'ops-sentinel' });
    expect(await probeRedis(config.redis, 10_000)).toBeNull();
    const client = createRedis(config.redis);
    client.on('error', () => undefined);
    stops.push(() => client.disconnect());
    await client.set('ops-sentinel:k', '1');
    expect(await getFrom(master.url, 'ops-sentinel:k')).toBe('1');

    const queue = new Queue('judge', { connection: client, prefix: `${config.redis.prefix}:bull` });
    stops.push(() => queue.close());
    await queue.add('x', { n: 1 }, { jobId: 'a' });
    expect(await queue.getJobState('a')).toBe('waiting');

    // Retried: under load the sentinel may not yet judge the replica good enough (NOGOODSLAVE).
    await waitFor(async () => {
      try {
        return (await admin.call('SENTINEL', 'FAILOVER', 'hpmaster')) === 'OK';
      } catch (e) {
        return /INPROG/.test((e as Error).message);
      }
    }, 60_000, 'the sentinel to start a failover');
    await waitFor(async () => {
      const [, port] = (await admin.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'hpmaster')) as [string, string];
      return Number(port) === replicaPort;
    }, 60_000, 'the failover');
    // Writes reach the new master, through the same client.
    await waitFor(async () => {
      try {
        await client.set('ops-sentinel:k', '2');
        return (await getFrom(`redis://127.0.0.1:${replicaPort}`, 'ops-sentinel:k')) === '2';
      } catch {
        return false;
      }
    }, 60_000, 'a write on the new master');
    await queue.add('x', { n: 2 }, { jobId: 'b' });
    expect(await queue.getJobState('b')).toBe('waiting');
  }, 240_000);
});

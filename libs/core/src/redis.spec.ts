import { loadConfig } from '@app/config';
import { credentialsOf, redisPlan } from './redis';

describe('Redis connection plans', () => {
  it('one server from REDIS_URL by default, with the options BullMQ needs', () => {
    const plan = redisPlan(loadConfig({ REDIS_URL: 'redis://r:6380' }).redis);
    expect(plan).toMatchObject({ kind: 'single', url: 'redis://r:6380', options: { maxRetriesPerRequest: null, enableOfflineQueue: true } });
  });

  it('Sentinel: the sentinels and master name, the data password from REDIS_URL, reconnect on READONLY after a failover', () => {
    const plan = redisPlan(loadConfig({ REDIS_URL: 'rediss://app:se%40cret@x:6379/1', REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'mymaster', REDIS_SENTINEL_PASSWORD: 'sp' }).redis);
    if (plan.kind !== 'sentinel') throw new Error(plan.kind);
    expect(plan.options).toMatchObject({
      sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }],
      name: 'mymaster',
      sentinelPassword: 'sp',
      username: 'app',
      password: 'se@cret',
      db: 1,
      tls: {},
      maxRetriesPerRequest: null,
    });
    const reconnect = plan.options.reconnectOnError as (e: Error) => boolean | 1 | 2;
    expect(reconnect(new Error("READONLY You can't write against a read only replica."))).toBe(2);
    expect(reconnect(new Error('ERR other'))).toBe(false);
  });

  it('Cluster: seed nodes, credentials for every node, BullMQ options on each node connection', () => {
    const plan = redisPlan(loadConfig({ REDIS_URL: 'redis://:pw@ignored:6379', REDIS_CLUSTER_NODES: 'n1:7000,n2:7001' }).redis);
    if (plan.kind !== 'cluster') throw new Error(plan.kind);
    expect(plan.nodes).toEqual([{ host: 'n1', port: 7000 }, { host: 'n2', port: 7001 }]);
    expect(plan.options.redisOptions).toMatchObject({ password: 'pw', maxRetriesPerRequest: null });
    expect(plan.options.redisOptions).not.toHaveProperty('db');
  });

  it('reads credentials from the URL', () => {
    expect(credentialsOf('redis://127.0.0.1:6379')).toEqual({});
    expect(credentialsOf('redis://u:p@h:1/0')).toEqual({ username: 'u', password: 'p' });
  });
});

import { Role } from '@app/domain';
import { errorCode } from '@app/testing';
import { ApiHarness, startApi } from '@app/api-testing';

describe('GraphQL conventions', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_COMPLEXITY: '30' });
  });
  afterAll(() => api.close());

  it('answers { __typename } without a token', async () => {
    expect((await api.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('refuses a query deeper than the limit before resolving it', async () => {
    const admin = await api.user(Role.ADMIN);
    // Introspection is exempt (GraphiQL's own query is deeper than any sane limit).
    expect(errorCode(await api.gql(`{ __schema { types { fields { type { ofType { name } } } } } }`))).toBeUndefined();
    expect(errorCode(await api.gql(`{ me { id } }`, {}, admin.token))).toBeUndefined();
    const res = await api.gql(`query { ...F } fragment F on Query { users { items { id } } }`, {}, admin.token);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors![0].message).toMatch(/depth 3 exceeds the limit of 2/);
    expect(res.data).toBeUndefined();
  });

  it('refuses a query costlier than the limit', async () => {
    const admin = await api.user(Role.ADMIN);
    const many = Array.from({ length: 40 }, (_, i) => `m${i}: me { id }`).join(' '); // 2 points each
    const res = await api.gql(`{ ${many} }`, {}, admin.token);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors![0].message).toMatch(/^Query complexity (\d+ )?exceeds the limit of 30/);
  });

  it('reports a syntax error with a code and no stack', async () => {
    const res = await api.gql('{ me { ');
    expect(errorCode(res)).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('names an unknown field', async () => {
    const res = await api.gql('{ nope }');
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(/Cannot query field "nope"/);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${api.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true }, redis: { ok: true } } });
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(metrics).toMatch(/graphql_operations_total\{type="query",name="__typename",outcome="ok"\} \d+/);
  });

  it('echoes a request id header', async () => {
    const res = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const fresh = await fetch(`${api.url}/health`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

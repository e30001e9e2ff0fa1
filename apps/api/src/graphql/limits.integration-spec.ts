import { createClient, FormattedExecutionResult } from 'graphql-ws';
import { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import { Role } from '@app/domain';
import { errorCode, ok } from '@app/testing';
import { ApiHarness, seedBank, startApi, TestUser } from '@app/api-testing';
import { REQUEST_BODY_MAX_BYTES } from './operation-limits';

/** One operation over graphql-ws: the results it got, or the errors it was refused with. */
async function overSocket(
  api: ApiHarness,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ results: FormattedExecutionResult[]; errors?: readonly GraphQLFormattedError[]; closed?: { code: number; reason: string } }> {
  let closed: { code: number; reason: string } | undefined;
  const client = createClient({
    url: `${api.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    on: { closed: (e) => (closed = { code: (e as { code: number }).code, reason: (e as { reason: string }).reason }) },
  });
  const results: FormattedExecutionResult[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      client.subscribe({ query, variables }, { next: (r) => void results.push(r as FormattedExecutionResult), error: reject, complete: resolve });
    });
    return { results, closed };
  } catch (e) {
    return { results, errors: Array.isArray(e) ? (e as GraphQLFormattedError[]) : undefined, closed };
  } finally {
    await client.dispose();
  }
}

const codeOf = (errors?: readonly GraphQLFormattedError[]) => errors?.[0]?.extensions?.code;

describe('GraphQL limits over HTTP and graphql-ws', () => {
  let api: ApiHarness;
  let candidate: TestUser;
  let recruiter: TestUser;
  // Seeding validates five problems in the sandbox (as every story spec does): minutes on a busy machine.
  beforeAll(async () => {
    api = await startApi({ GRAPHQL_MAX_RESPONSE_BYTES: '65536' });
    await seedBank(api);
    candidate = await api.user(Role.CANDIDATE);
    recruiter = await api.user(Role.RECRUITER);
  }, 180_000);
  afterAll(() => api.close());

  it('serves only subscriptions on the socket: queries and mutations are refused with a code', async () => {
    const me = Array.from({ length: 100 }, (_, i) => `m${i}: me { id }`).join(' ');
    for (const query of ['{ me { id } }', `{ ${me} }`, 'mutation { login(input: {email: "a@b.co", password: "x"}) { accessToken } }']) {
      const res = await overSocket(api, candidate.token, query);
      expect(res.results).toEqual([]);
      expect(codeOf(res.errors)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(
        /^Only subscriptions are served over graphql-ws; send this (query|mutation) as an HTTP POST to \/graphql$/,
      );
    }
  });

  it('refuses 3,000 aliases of me { id } (a 45 KB document) on both transports', async () => {
    const query = `{ ${Array.from({ length: 3000 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    const http = await api.gql(query, {}, candidate.token);
    expect(http.status).toBe(400);
    expect(errorCode(http)).toBe('QUERY_TOO_COMPLEX');
    expect(http.errors![0].message).toMatch(/^The query document is \d+ bytes, over the limit of 16384/);
    const ws = await overSocket(
      api,
      candidate.token,
      `subscription { submissionUpdated(id: "x") { ${query.slice(2, -2).replace(/me \{ id \}/g, 'id')} } }`,
    );
    expect(codeOf(ws.errors)).toBe('QUERY_TOO_COMPLEX');
    expect(ws.errors![0].message).toMatch(/^The query document is \d+ bytes, over the limit of 16384/);
  });

  it('closes the socket on a message over the maximum size (a 120 KB document) before reading it', async () => {
    const big = `subscription { submissionUpdated(id: "x") { id ${'source '.repeat(17_500)} } }`;
    expect(big.length).toBeGreaterThan(120_000);
    const res = await overSocket(api, candidate.token, big);
    expect(res.results).toEqual([]);
    expect(res.closed?.code).toBe(1009);
  });

  it('refuses a request body over REQUEST_BODY_MAX_BYTES (4 MB) with 413 and malformed JSON with 400, in GraphQL form', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(REQUEST_BODY_MAX_BYTES) } }),
    });
    const text = await res.text();
    expect(res.status).toBe(413);
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: 'The request body is larger than the limit of 4096 KB; send a smaller document or smaller variables',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'requestBytes' },
        },
      ],
    });
    const malformed = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses aliases of jobs anonymously (300 returned 1.8 MB before) by complexity', async () => {
    // 100 aliases: 300 are refused sooner, by the token limit.
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `j${i}: jobs { items { id title about } }`).join(' ')} }`;
    const http = await api.gql(query);
    expect(http.status).toBe(400);
    expect(errorCode(http)).toBe('QUERY_TOO_COMPLEX');
    expect(http.errors![0].message).toMatch(/^Query complexity \d+ exceeds the limit of 20000/);
    expect(http.data).toBeUndefined();
  });

  it("refuses an interviewer's 300 aliases of problems(limit: 200) with definitions and sources", async () => {
    const interviewer = await api.user(Role.INTERVIEWER);
    const query = `{ ${Array.from({ length: 300 }, (_, i) => `p${i}: problems(limit: 200) { items { definition referenceSolutions { source } } }`).join(' ')} }`;
    const started = Date.now();
    const http = await api.gql(query, {}, interviewer.token);
    expect(errorCode(http)).toBe('QUERY_TOO_COMPLEX');
    expect(Date.now() - started).toBeLessThan(2000);
    const one = await api.gql('{ problems(limit: 200) { items { definition referenceSolutions { source } } } }', {}, interviewer.token);
    expect(errorCode(one)).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses 200 aliases of a submission source on the socket', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `s${i}: source`).join(' ');
    const ws = await overSocket(api, candidate.token, `subscription($id: ID!) { submissionUpdated(id: $id) { ${aliases} } }`, { id: 'x' });
    expect(codeOf(ws.errors)).toBe('QUERY_TOO_COMPLEX');
    expect(ws.errors![0].message).toMatch(/^Query complexity \d+ exceeds the limit of 20000/);
  });

  it('stops a response past the size limit and answers QUERY_TOO_COMPLEX instead of the data', async () => {
    // Within the complexity limit, but the bank's definitions together exceed 64 KB.
    const query = '{ problems(limit: 40) { items { id definition } } }';
    const res = await api.gql(query, {}, recruiter.token);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toBe(
      'The response is larger than the limit of 65536 bytes; ask for smaller pages (limit/first) or fewer fields',
    );
    expect(res.data).toBeUndefined();
    expect(ok(await api.gql('{ problems(limit: 40) { items { id title } } }', {}, recruiter.token)).problems.items.length).toBeGreaterThan(
      2,
    );
  });

  describe('variables that do not fit answer BAD_USER_INPUT naming the variable, never 500', () => {
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      ['an unknown enum value', 'query($s: JobStatus) { jobs(status: $s) { total } }', { s: 'X' }, 'variables.s'],
      ['an Int over 2^31', 'query($n: Int!) { jobs(limit: $n) { total } }', { n: 2 ** 31 }, 'variables.n'],
      ['null for a non-null variable', 'query($n: Int!) { jobs(limit: $n) { total } }', { n: null }, 'variables.n'],
      ['a missing required variable', 'query($id: ID!) { job(id: $id) { id } }', {}, 'variables.id'],
      [
        'an unknown input field',
        'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { i: { email: 'a@b.co', password: 'x', extra: 1 } },
        'variables.i',
      ],
    ];
    it.each(cases)('over HTTP: %s', async (_what, query, variables, field) => {
      const res = await api.gql(query, variables);
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field })]);
      expect(JSON.stringify(res)).not.toMatch(/stacktrace/);
    });
    it('over graphql-ws', async () => {
      const ws = await overSocket(api, candidate.token, 'subscription($id: ID!) { submissionUpdated(id: $id) { id } }', {});
      expect(codeOf(ws.errors)).toBe('BAD_USER_INPUT');
      expect(ws.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'variables.id' })]);
    });
  });

  it('refuses a chain of fragments and a token flood early, on both transports', async () => {
    const chain = Array.from({ length: 300 }, (_, i) => `fragment F${i} on Query{${i === 299 ? '__typename' : `...F${i + 1}`}}`).join(' ');
    expect(Buffer.byteLength(chain)).toBeLessThan(16_000);
    const http = await api.gql(`{ ...F0 } ${chain}`);
    expect(errorCode(http)).toBe('QUERY_TOO_COMPLEX');
    expect(http.errors![0].message).toBe('The document defines 300 fragments, over the limit of 50');
    const subChain = Array.from({ length: 300 }, (_, i) => `fragment F${i} on Submission{${i === 299 ? 'id' : `...F${i + 1}`}}`).join(' ');
    const ws = await overSocket(api, candidate.token, `subscription { submissionUpdated(id: "x") { ...F0 } } ${subChain}`);
    expect(codeOf(ws.errors)).toBe('QUERY_TOO_COMPLEX');
    expect(ws.errors![0].message).toBe('The document defines 300 fragments, over the limit of 50');

    const tokens = `{ ${'a '.repeat(3500)} }`;
    expect(Buffer.byteLength(tokens)).toBeLessThan(16_384);
    const t1 = await api.gql(tokens);
    expect(errorCode(t1)).toBe('QUERY_TOO_COMPLEX');
    expect(t1.errors![0].message).toBe('The query document has more than 3000 tokens; send a smaller document');
    const t2 = await overSocket(api, candidate.token, `subscription ${tokens}`);
    expect(codeOf(t2.errors)).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses 200 copies of one field (slow to validate) before validating, on both transports', async () => {
    const copies = Array.from({ length: 200 }, () => 'me { id email }').join(' ');
    const http = await api.gql(`{ ${copies} }`, {}, candidate.token);
    expect(http.status).toBe(400);
    expect(http.errors).toEqual([
      {
        message: 'The field "me" is selected more than 10 times in one selection set; select it once, or give each an alias',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'sameResponseName' },
      },
    ]);
    const ws = await overSocket(
      api,
      candidate.token,
      `subscription { submissionUpdated(id: "x") { ${Array.from({ length: 200 }, () => 'id').join(' ')} } }`,
    );
    expect(codeOf(ws.errors)).toBe('QUERY_TOO_COMPLEX');
    expect(ws.errors![0].message).toMatch(/^The field "id" is selected more than 10 times/);
  });

  it('formats and masks errors on the socket as on HTTP', async () => {
    const missing = await overSocket(
      api,
      candidate.token,
      'subscription { submissionUpdated(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    const errors = missing.errors ?? missing.results.flatMap((r) => r.errors ?? []);
    expect(errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await overSocket(
      api,
      undefined,
      'subscription { submissionUpdated(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    const anonErrors = anonymous.errors ?? anonymous.results.flatMap((r) => r.errors ?? []);
    expect(anonErrors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const invalid = await overSocket(api, candidate.token, 'subscription { nope }');
    expect(codeOf(invalid.errors)).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const e of [...errors, ...anonErrors, ...(invalid.errors ?? [])])
      expect(JSON.stringify(e)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('keeps metric labels bounded: route templates and root fields, other for the rest', async () => {
    for (let i = 0; i < 50; i++) await fetch(`${api.url}/no-such-path-${i}`);
    for (let i = 0; i < 30; i++) await api.gql(`query Op${i}x { __typename }`);
    await fetch(`${api.url}/jobs/${'1'.repeat(8)}/shortlist.csv`, { headers: { authorization: `Bearer ${recruiter.token}` } });
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).not.toMatch(/no-such-path|Op\d+x/);
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="other",status="404"\} (\d+)/);
    expect(
      Number(/http_request_duration_seconds_count\{method="GET",route="other",status="404"\} (\d+)/.exec(metrics)![1]),
    ).toBeGreaterThanOrEqual(50);
    expect(metrics).toMatch(/route="\/jobs\/:id\/shortlist\.csv"/);
    expect(metrics).toMatch(/route="\/graphql"/);
    expect(metrics).toMatch(/graphql_operations_total\{type="query",name="__typename",outcome="ok"\} (\d+)/);
  });
});

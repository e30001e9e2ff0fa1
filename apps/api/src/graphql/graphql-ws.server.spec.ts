import type { HttpAdapterHost } from '@nestjs/core';
import type { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLFormattedError, GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createClient } from 'graphql-ws';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { AppError, ErrorCode, Logger } from '@app/common';
import { loadConfig } from '@app/config';
import { GraphqlWsServer } from './graphql-ws.server';

/** A schema whose subscription fails the ways a real one can: a domain error, or a leak. */
const Event = new GraphQLObjectType({ name: 'Event', fields: { id: { type: GraphQLID }, text: { type: GraphQLString } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { me: { type: GraphQLString, resolve: () => 'me' } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      events: {
        type: new GraphQLNonNull(Event),
        args: { kind: { type: new GraphQLNonNull(GraphQLString) } },
        subscribe: async function* (_root: unknown, { kind }: { kind: string }) {
          if (kind === 'missing') throw new AppError(ErrorCode.NOT_FOUND, 'Event stream missing was not found');
          if (kind === 'leak') throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
          yield { events: { id: '1', text: 'x'.repeat(kind === 'big' ? 200_000 : 10) } };
        },
      },
    },
  }),
});

describe('GraphqlWsServer', () => {
  let http: Server;
  let ws: GraphqlWsServer;
  let url: string;
  const logged: unknown[] = [];
  const warned: unknown[] = [];
  const logger = { error: (...args: unknown[]) => logged.push(args), warn: (...args: unknown[]) => warned.push(args) } as unknown as Logger;

  beforeAll(async () => {
    http = createServer();
    const limits = { ...loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).graphql, maxResponseBytes: 65_536 };
    ws = new GraphqlWsServer(
      { path: '/graphql', limits, maxMessageBytes: 8192, exposeInternals: false, logger },
      { httpAdapter: { getHttpServer: () => http } } as unknown as HttpAdapterHost,
      { schema } as GraphQLSchemaHost,
    );
    ws.onApplicationBootstrap();
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await ws.onModuleDestroy();
    await new Promise((r) => http.close(r));
  });

  async function run(query: string, variables: Record<string, unknown> = {}) {
    let closeCode: number | undefined;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      on: { closed: (e) => (closeCode = (e as { code: number }).code) },
    });
    const results: Array<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }> = [];
    let errors: readonly GraphQLFormattedError[] | undefined;
    await new Promise<void>((resolve) =>
      client.subscribe(
        { query, variables },
        {
          next: (r) => void results.push(r),
          error: (e) => {
            errors = Array.isArray(e) ? e : undefined;
            resolve();
          },
          complete: resolve,
        },
      ),
    );
    await client.dispose();
    return { results, errors, closeCode };
  }

  it('runs a subscription within the limits', async () => {
    const { results } = await run('subscription { events(kind: "ok") { id text } }');
    expect(results).toEqual([{ data: { events: { id: '1', text: 'xxxxxxxxxx' } } }]);
  });

  it('masks an unexpected error as on HTTP: code, no internals, logged once', async () => {
    logged.length = 0;
    const { results, errors } = await run('subscription { events(kind: "leak") { id } }');
    const all = errors ?? results.flatMap((r) => r.errors ?? []);
    expect(all).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(all)).not.toMatch(/secret_table|SELECT|stacktrace/);
    expect(logged).toHaveLength(1);
  });

  it('maps a domain error to its code, without logging it', async () => {
    logged.length = 0;
    const { results, errors } = await run('subscription { events(kind: "missing") { id } }');
    const all = errors ?? results.flatMap((r) => r.errors ?? []);
    expect(all[0]).toEqual(expect.objectContaining({ message: 'Event stream missing was not found', extensions: { code: 'NOT_FOUND' } }));
    expect(logged).toHaveLength(0);
  });

  it('refuses queries, bad variables and oversized events with codes', async () => {
    expect((await run('{ me }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await run('subscription($k: String!) { events(kind: $k) { id } }', { k: 5 });
    expect(bad.errors?.[0]).toEqual(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'variables.k' })] }),
      }),
    );
    const big = await run('subscription { events(kind: "big") { id text } }');
    expect(big.results).toEqual([
      {
        errors: [
          {
            message: 'The response is larger than the limit of 65536 bytes; ask for smaller pages (limit/first) or fewer fields',
            extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'responseBytes' },
          },
        ],
      },
    ]);
  });

  it('closes the socket on a message over maxPayload, with one structured log line', async () => {
    const consoleError = jest.spyOn(console, 'error');
    const { closeCode, results } = await run(`subscription { events(kind: "${'y'.repeat(9000)}") { id } }`);
    expect(results).toEqual([]);
    expect(closeCode).toBe(1009);
    expect(consoleError).not.toHaveBeenCalled();
    expect(warned).toEqual([
      [{ code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', reason: 'Max payload size exceeded' }, 'graphql-ws socket closed on an error'],
    ]);
  });
});

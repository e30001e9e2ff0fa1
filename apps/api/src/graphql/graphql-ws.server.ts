import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AppError, ErrorCode, Logger } from '@app/common';
import { foreignOrigin, sessionCookie } from '../auth/session-cookie';
import { buildContext } from './context';
import { formatError } from './errors';
import { estimatorCache, jsonSize } from './limits.plugin';
import {
  checkDocumentShape,
  checkDocumentSize,
  checkOperation,
  OperationLimits,
  responseTooLarge,
  tokenLimitError,
} from './operation-limits';

export interface GraphqlWsOptions {
  path: string;
  limits: OperationLimits;
  /** ws `maxPayload`: a bigger frame closes the socket (1009) before it is buffered whole. */
  maxMessageBytes: number;
  exposeInternals: boolean;
  logger: Logger;
}

function onlySubscriptions(kind: string): GraphQLError {
  const message = `Only subscriptions are served over graphql-ws; send this ${kind} as an HTTP POST to /graphql`;
  return new GraphQLError(message, {
    originalError: new AppError(ErrorCode.BAD_USER_INPUT, message, { fields: [{ field: 'query', message }] }),
  });
}

/**
 * graphql-ws on the API's HTTP server, set up here rather than by @nestjs/graphql so that the
 * socket gets what HTTP gets: a maximum message size, the same document, depth, complexity,
 * variable and response-size checks (operation-limits.ts), and the same error formatting and
 * masking (errors.ts). It serves subscriptions only: queries and mutations go over HTTP, where
 * Apollo's plugins (metrics, response-size accounting) see them.
 */
export class GraphqlWsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private wss?: WebSocketServer;
  private server?: Disposable;
  private httpServer?: Server;
  private readonly estimatorFor = estimatorCache();

  constructor(
    private readonly options: GraphqlWsOptions,
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
  ) {}

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss;
    if (!wss || new URL(req.url ?? '/', 'http://localhost').pathname !== this.options.path) return;
    // The session cookie authenticates the socket (buildContext reads it from this request), but a
    // browser sends it whatever page opened the socket: only a page of this origin may use it.
    const foreign = sessionCookie(req) ? foreignOrigin(req) : undefined;
    if (foreign) {
      this.options.logger.warn({ origin: req.headers.origin }, 'graphql-ws upgrade with the session cookie from another origin refused');
      const body = JSON.stringify({ error: { code: ErrorCode.FORBIDDEN, reason: 'CSRF', message: foreign } });
      socket.end(
        `HTTP/1.1 403 Forbidden\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };

  private format(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((e) => formatError(e.toJSON(), e, { exposeInternals: this.options.exposeInternals, logger: this.options.logger }));
  }

  onApplicationBootstrap(): void {
    const { limits } = this.options;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.options.maxMessageBytes });
    this.server = useServer(
      {
        schema: () => this.schemaHost.schema,
        context: (ctx) => buildContext({ connectionParams: ctx.connectionParams, extra: ctx.extra }),
        onSubscribe: (_ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
          const schema = this.schemaHost.schema;
          const tooLong = checkDocumentSize(payload.query, limits);
          if (tooLong) return [tooLong];
          let document;
          try {
            document = parse(payload.query, { maxTokens: limits.maxTokens });
          } catch (e) {
            const err = e instanceof GraphQLError ? e : new GraphQLError(String(e));
            return [tokenLimitError(err) ?? new GraphQLError(err.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
          }
          const shape = checkDocumentShape(document, limits);
          if (shape) return [shape];
          const invalid = validate(schema, document, specifiedRules);
          if (invalid.length)
            return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
          const operation = getOperationAST(document, payload.operationName);
          if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION) return [onlySubscriptions(operation.operation)];
          try {
            checkOperation(
              { schema, document, operationName: payload.operationName, variables: payload.variables },
              limits,
              this.estimatorFor(schema),
            );
          } catch (e) {
            return [e instanceof GraphQLError ? e : new GraphQLError(String(e))];
          }
          return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
        },
        onNext: (_ctx, _id, _payload, _args, result) => {
          const formatted = { ...result, errors: result.errors ? this.format(result.errors) : undefined };
          if (!formatted.errors) delete formatted.errors;
          const bytes = jsonSize('', formatted, true);
          if (bytes > limits.maxResponseBytes) return { errors: this.format([responseTooLarge(limits.maxResponseBytes)]) };
          return formatted;
        },
        onError: (_ctx, _id, _payload, errors) => this.format(errors),
        // Close reasons carry no error message outside development, as errors do not.
        isProd: !this.options.exposeInternals,
      },
      this.wss,
    );
    // graphql-ws answers a socket error with console.error and a stack trace. ws has already
    // closed the socket with the right code (1009 for a message over maxPayload), so one
    // structured line is enough; a socket that is somehow still open is closed as graphql-ws would.
    this.wss.on('connection', (socket) => {
      socket.removeAllListeners('error');
      socket.on('error', (err: Error & { code?: string }) => {
        this.options.logger.warn({ code: err.code, reason: err.message }, 'graphql-ws socket closed on an error');
        if (socket.readyState === socket.OPEN) socket.close(1011, 'Internal server error');
      });
    });
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
  }

  async onModuleDestroy(): Promise<void> {
    this.httpServer?.off('upgrade', this.onUpgrade);
    await this.server?.dispose();
    this.wss?.close();
  }
}

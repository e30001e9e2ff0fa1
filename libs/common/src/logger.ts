import pino, { Logger } from 'pino';

export interface LoggerOptions {
  /** One readable line per record through pino-pretty (in pino's transport thread) instead of JSON. */
  pretty?: boolean;
}

/**
 * Pretty when a person is reading: stdout is a terminal and NODE_ENV is not production. Anything
 * else (a pipe, a file, a log collector, production) gets JSON, one record per line.
 */
export function wantsPrettyLogs(isProduction: boolean, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return !isProduction && stdout.isTTY === true;
}

/** Structured logs (JSON unless `pretty`). Secrets are redacted by path wherever they might appear. */
export function createLogger(level: string, name: string, opts: LoggerOptions = {}): Logger {
  return pino({
    name,
    level,
    base: { service: name, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(opts.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } } : {}),
    redact: {
      paths: [
        'password',
        '*.password',
        'passwordHash',
        '*.passwordHash',
        'token',
        '*.token',
        'accessToken',
        '*.accessToken',
        'req.headers.authorization',
        'req.headers.cookie',
        'variables.password',
        'variables.input.password',
        'jwtSecret',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };

import pino, { Logger } from 'pino';

/** Structured JSON logs. Secrets are redacted by path wherever they might appear. */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    base: { service: name, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
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

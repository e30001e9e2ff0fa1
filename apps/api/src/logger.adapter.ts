import { LoggerService } from '@nestjs/common';
import type { Logger } from '@app/common';

/** Routes Nest's own log lines into pino so every line is structured JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  private ctx(optional: unknown[]): Record<string, unknown> {
    const context = optional.at(-1);
    return typeof context === 'string' ? { context } : {};
  }
  log(message: unknown, ...optional: unknown[]): void {
    this.logger.info(this.ctx(optional), String(message));
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.logger.error({ ...this.ctx(optional), stack: optional.length > 1 ? optional[0] : undefined }, String(message));
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.logger.warn(this.ctx(optional), String(message));
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.logger.debug(this.ctx(optional), String(message));
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.logger.trace(this.ctx(optional), String(message));
  }
}

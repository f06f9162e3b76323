import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Global, LoggerService, Module } from '@nestjs/common';
import pino, { Level, Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Paths that may carry secrets or personal data. Request bodies, query strings and headers are
 * never logged in full: a log line names the route, status and request id only.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-shortlist-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.bsn',
  '*.email',
  '*.phone',
  '*.firstName',
  '*.lastName',
  '*.birthYear',
  '*.workCapacity',
  '*.token',
];

/** A shortlist link's token is a password: the path keeps its place, not its value. */
export function loggedPath(url: string): string {
  return url.split('?')[0].replace(/^\/(s|shortlist-links)\/[^/]+/, '/$1/[token]');
}

export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The one pino logger of a process: redacted, at the configured level. */
export function rootLogger(level: AppConfig['logLevel']): Logger {
  return pino({
    level,
    base: { service: 'werkspoor45' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  });
}

/**
 * Nest's logger on pino: `new Logger('Search').error(...)` anywhere in the code writes one JSON
 * line with its context. Nest passes the context last, and error() a stack before it.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? rest.at(-1) : undefined;
    const stack = level === 'error' && rest.length > 1 ? rest[0] : undefined;
    if (message instanceof Error) this.pino[level]({ context, err: message }, message.message);
    // an object goes under `data`, one level down, where the redacted paths (`*.email`) reach
    else if (typeof message === 'object' && message !== null)
      this.pino[level]({ context, data: message });
    else this.pino[level]({ context, stack }, String(message));
  }
}

/**
 * One line per HTTP request when it ends: its id (X-Request-Id, given or made, echoed in the
 * answer and kept in audit rows), method, path without query or token, status and duration.
 * Lighter than a logger bound to every request: nothing is built unless the line is written.
 */
export function requestLogging(logger: Logger) {
  return (req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) => {
    const id = requestIdOf(req, res);
    req.id = id;
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const level = res.statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method: req.method, path: loggedPath(req.url ?? '') },
          res: { statusCode: res.statusCode },
          responseTime: Number(process.hrtime.bigint() - started) / 1e6,
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    });
    next();
  };
}

@Global()
@Module({
  providers: [
    {
      provide: AppLogger,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new AppLogger(rootLogger(config.logLevel)),
    },
  ],
  exports: [AppLogger],
})
export class LoggingModule {}

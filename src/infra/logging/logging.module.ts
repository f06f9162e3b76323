import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: requestIdOf,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          serializers: {
            // the path without its query string (queries can hold postcodes or names) or tokens
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              path: loggedPath(req.url),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customProps: () => ({ service: 'werkspoor45-api' }),
        },
      }),
    }),
  ],
})
export class LoggingModule {}

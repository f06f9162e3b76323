import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { AppLogger, REDACTED_PATHS, requestLogging } from './logging.module';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

/** A request through the middleware; `end` finishes (or aborts) the answer with a status. */
function request(logger: pino.Logger, url: string, headers: Record<string, string> = {}) {
  const req = { method: 'GET', url, headers } as unknown as IncomingMessage & { id?: string };
  const sent: Record<string, string> = {};
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableFinished: false,
    setHeader: (name: string, value: string) => (sent[name.toLowerCase()] = value),
  });
  let passed = false;
  requestLogging(logger)(req, res as unknown as ServerResponse, () => (passed = true));
  const end = (statusCode: number, finished = true) => {
    res.statusCode = statusCode;
    res.writableFinished = finished;
    res.emit('close');
  };
  return { req, sent, passed: () => passed, end };
}

describe('request logging', () => {
  it('writes one line per request: id, method, path without query, status and duration', () => {
    const { logger, lines } = capture();
    const call = request(logger, '/candidates/search?q=Jansen&nearPc4=1315', {
      authorization: 'Bearer secret-token',
    });
    expect(call.passed()).toBe(true);
    expect(call.req.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(call.sent['x-request-id']).toBe(call.req.id);
    expect(lines).toEqual([]);
    call.end(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: call.req.id, method: 'GET', path: '/candidates/search' },
      res: { statusCode: 200 },
    });
    expect(lines[0].responseTime).toEqual(expect.any(Number));
    const text = JSON.stringify(lines);
    for (const secret of ['Jansen', '1315', 'secret-token']) expect(text).not.toContain(secret);
  });

  it('keeps a well-formed X-Request-Id, replaces a malformed one, and says when a request was cut off', () => {
    const { logger, lines } = capture();
    const given = request(logger, '/auth/me', { 'x-request-id': 'support-case-12345' });
    expect(given.req.id).toBe('support-case-12345');
    const malformed = request(logger, '/auth/me', { 'x-request-id': 'a b\nc' });
    expect(malformed.req.id).not.toBe('a b\nc');
    malformed.end(500, false);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'request aborted', res: { statusCode: 500 } });
  });

  it('writes nothing below the level, and builds nothing for it', () => {
    const { logger, lines } = capture('silent');
    request(logger, '/candidates').end(200);
    expect(lines).toEqual([]);
  });
});

describe('AppLogger (Nest on pino)', () => {
  it('writes the context Nest passes last, and the stack of an error', () => {
    const { logger, lines } = capture('debug');
    const app = new AppLogger(logger);
    app.log('Worker running', 'Worker');
    app.error('Search engine postgres failed', 'Error: boom\n    at x', 'Search');
    app.warn({ candidateId: 'c-1', email: 'henk@example.invalid' }, 'Candidates');
    app.verbose('not at debug level', 'Search');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Worker', msg: 'Worker running' }),
      expect.objectContaining({
        level: 50,
        context: 'Search',
        stack: 'Error: boom\n    at x',
        msg: 'Search engine postgres failed',
      }),
      expect.objectContaining({
        level: 40,
        context: 'Candidates',
        data: { candidateId: 'c-1', email: '[redacted]' },
      }),
    ]);
  });
});

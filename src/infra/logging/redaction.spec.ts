import pino from 'pino';
import { loggedPath, REDACTED_PATHS } from './logging.module';

function logLine(payload: object): Record<string, unknown> {
  const lines: string[] = [];
  const logger = pino(
    { redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    { write: (line: string) => lines.push(line) },
  );
  logger.info(payload, 'event');
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe('log redaction', () => {
  it('never writes personal data or secrets of a request or candidate into the log', () => {
    const line = logLine({
      req: { headers: { authorization: 'Bearer secret-token', cookie: 'session=abc' } },
      candidate: {
        id: 'c-1',
        firstName: 'Henk',
        lastName: 'de Vries',
        email: 'henk@example.invalid',
        bsn: '111222333',
        birthYear: 1968,
        workCapacity: { standingMinutes: 30 },
      },
      login: { email: 'am@werkspoor.demo', password: 'hunter2-hunter2' },
    });
    const text = JSON.stringify(line);
    for (const secret of [
      'secret-token',
      'session=abc',
      'Henk',
      'de Vries',
      'henk@example.invalid',
      '111222333',
      '1968',
      'standingMinutes',
      'am@werkspoor.demo',
      'hunter2',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('c-1');
  });
});

describe('logged paths', () => {
  it('keep the route but never a shortlist link token or the query', () => {
    const token = 'Zx3_k9-abcdefghijklmnopqrstuvwxyz0123456789A';
    expect(loggedPath(`/s/${token}`)).toBe('/s/[token]');
    expect(loggedPath(`/s/${token}/pdf`)).toBe('/s/[token]/pdf');
    expect(loggedPath(`/s/${token}/kandidaten/abc/antwoord?beantwoord=x`)).toBe(
      '/s/[token]/kandidaten/abc/antwoord',
    );
    expect(loggedPath(`/shortlist-links/${token}/entries/e1/answers`)).toBe(
      '/shortlist-links/[token]/entries/e1/answers',
    );
    expect(loggedPath('/shortlists/abc?q=Jansen')).toBe('/shortlists/abc');
  });
});

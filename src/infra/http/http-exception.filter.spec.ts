import { ArgumentsHost, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { HttpExceptionFilter } from './http-exception.filter';

describe('HttpExceptionFilter on an unexpected error', () => {
  it('answers 500 with the request id, and logs the error under that id', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let status = 0;
    let body: Record<string, unknown> = {};
    const response = {
      headersSent: false,
      setHeader: () => undefined,
      status(code: number) {
        status = code;
        return this;
      },
      json(value: Record<string, unknown>) {
        body = value;
      },
    };
    const host = {
      switchToHttp: () => ({
        getRequest: () => ({ id: 'support-case-12345', headers: {} }),
        getResponse: () => response,
      }),
    } as unknown as ArgumentsHost;
    const filter = new HttpExceptionFilter({} as AuditService);
    await filter.catch(new Error('connection reset'), host);
    expect(status).toBe(500);
    expect(body).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'support-case-12345' });
    expect(String(body.message)).not.toContain('connection reset');
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/^Request support-case-12345: Error: connection reset/),
    );
    logged.mockRestore();
  });
});

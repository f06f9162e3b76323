import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  messageId: string | null;
  subject: string | null;
  raw: string;
  receivedAt: Date;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  messages: SinkMessage[];
  /** Messages to one of these addresses. */
  to(address: string): SinkMessage[];
  /** Resolves when `predicate` holds for the messages received so far (polls every 50 ms). */
  waitFor(predicate: (messages: SinkMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A local SMTP server on a free port that accepts and keeps every message, as a real mail server
 * would answer. Recipients starting with `rejected-` are refused for good (550); `flaky-` ones
 * are refused once with a temporary error (451) and accepted on the next try.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const refusedOnce = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // do not wait for clients' pooled connections when the test closes the sink
    closeTimeout: 500,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const to = address.address.toLowerCase();
      if (to.startsWith('rejected-'))
        return callback(
          Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }),
        );
      if (to.startsWith('flaky-') && !refusedOnce.has(to)) {
        refusedOnce.add(to);
        return callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) =>
          new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw.split(/\r?\n\r?\n/)[0])?.[1]?.trim() ??
          null;
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          messageId: header('Message-ID'),
          subject: header('Subject'),
          raw,
          receivedAt: new Date(),
        });
        callback(null, `Ok: queued as sink-${messages.length}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client killed mid-transaction (the durability tests SIGKILL the worker) resets its
  // connection; a real mail server shrugs that off, and so does the sink (the message is not kept).
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err;
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline)
          throw new Error(`SMTP sink: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

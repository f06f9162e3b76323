import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CountingSink {
  url: string;
  /** Message-ID -> how many times the server accepted a message with it. */
  received: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free port (the `smtp-server` package) that accepts every message and
 * keeps only its Message-ID and a count: the worker delivers over a real SMTP connection, and
 * 50,000 messages do not fill the bench process's memory.
 */
export async function startCountingSink(): Promise<CountingSink> {
  const received = new Map<string, number>();
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? '(none)';
        received.set(id, (received.get(id) ?? 0) + 1);
        total++;
        callback(null, `Ok: queued as bench-${total}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    total: () => total,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

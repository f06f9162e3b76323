import { createConnection, Socket } from 'node:net';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LoadResult, runLoad } from './concurrency';
import { currentThreadId } from './cpu-usage';

/**
 * The HTTP clients of the search benchmark run in a worker thread: a thread of the bench's
 * process with its own event loop, as a client would have its own process. Sharing the API's
 * event loop, every response the clients read would wait behind the requests the API is
 * handling, and the other way round. Their CPU still counts as the Node process's.
 *
 * As a load generator does (wrk, autocannon), a client reads each answer to its last byte and
 * checks its status, but does not parse it: the first pass over the queries did (with the JSON
 * client of api.ts) and learnt what each finds. Parsing 30 kB of JSON a request here cost about
 * 1.5 ms of CPU, taken from the same two cores as the API (measured with fetch and JSON.parse).
 */
export interface HttpLoadRun {
  paths: string[];
  clients: number;
  requestsPerClient: number;
  warmupPerClient: number;
  maxMs: number;
  startAt: number;
}

type FromWorker =
  | { type: 'measure-start'; threadId: string | null }
  | {
      type: 'done';
      result: Omit<LoadResult, 'byOperation'> & { byOperation: [number, number[]][] };
    };

export class HttpLoadClients {
  private readonly worker: Worker;
  /** The kernel's id of the clients' thread (known once a run has started), for its CPU. */
  threadId: string | null = null;

  constructor(baseUrl: string, token: string) {
    this.worker = new Worker(
      `require('ts-node/register/transpile-only'); require(${JSON.stringify(join(__dirname, 'http-load.ts'))});`,
      { eval: true, workerData: { baseUrl, token } },
    );
  }

  /**
   * Runs the closed-loop load of `runLoad` in the worker; `onMeasureStart` runs here between
   * the warm-up and the measured part, before the first measured request is sent.
   */
  run(run: HttpLoadRun, onMeasureStart: () => void): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === 'measure-start') {
          this.threadId = message.threadId;
          onMeasureStart();
          this.worker.postMessage({ type: 'go' });
          return;
        }
        this.worker.off('message', onMessage);
        this.worker.off('error', reject);
        resolve({ ...message.result, byOperation: new Map(message.result.byOperation) });
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.postMessage({ type: 'run', run });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** The worker's side: runs each load it is sent and answers with the figures. */
function serve(): void {
  const port = parentPort;
  if (!port) return;
  const { baseUrl, token } = workerData as { baseUrl: string; token: string };
  const { hostname, port: portNumber } = new URL(baseUrl);
  const connections: RawHttpConnection[] = [];
  const connection = (client: number) =>
    (connections[client] ??= new RawHttpConnection(
      hostname,
      Number(portNumber),
      `Bearer ${token}`,
    ));
  let go: (() => void) | null = null;
  port.on('message', (message: { type: 'run'; run: HttpLoadRun } | { type: 'go' }) => {
    if (message.type === 'go') {
      go?.();
      return;
    }
    const { run } = message;
    void runLoad<string>({
      clients: run.clients,
      requestsPerClient: run.requestsPerClient,
      warmupPerClient: run.warmupPerClient,
      maxMs: run.maxMs,
      operations: run.paths,
      startAt: run.startAt,
      onMeasureStart: () =>
        new Promise<void>((resolve) => {
          go = resolve;
          port.postMessage({ type: 'measure-start', threadId: currentThreadId() });
        }),
      execute: (path, client) => connection(client).get(path),
    }).then((result) =>
      port.postMessage({
        type: 'done',
        result: { ...result, byOperation: [...result.byOperation] },
      }),
    );
  });
}

/**
 * One keep-alive HTTP/1.1 connection per client, spoken directly over a socket as wrk does: the
 * request is a prepared line of bytes and the answer is read by its Content-Length (Express
 * always sends one), its status checked, its body counted but not kept unless it is an error.
 * Node's HTTP client (an Agent, a parser and a response stream per answer) cost about 0.8 ms
 * of CPU a request here, taken from the two cores the API and PostgreSQL share; this costs a
 * fraction of that. Anything unexpected (no Content-Length, a closed connection, bytes after
 * the answer) rejects the request and drops the connection.
 */
class RawHttpConnection {
  private socket: Socket | null = null;
  private pending: {
    path: string;
    resolve: () => void;
    reject: (error: Error) => void;
  } | null = null;
  private head = Buffer.alloc(0);
  private status = 0;
  private remaining = -1;
  private errorBody: Buffer[] = [];

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly authorization: string,
  ) {}

  get(path: string): Promise<void> {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    const socket = this.socket ?? this.connect();
    return new Promise((resolve, reject) => {
      this.pending = { path, resolve, reject };
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nAuthorization: ${this.authorization}\r\n\r\n`,
      );
    });
  }

  private connect(): Socket {
    const socket = createConnection({ host: this.host, port: this.port, noDelay: true });
    // a connection already dropped (its close comes later) no longer speaks for this one
    const current = () => this.socket === socket;
    socket.on('data', (chunk: Buffer) => current() && this.read(chunk));
    socket.on('error', (error) => current() && this.fail(error));
    socket.on('close', () => current() && this.fail(new Error('connection closed')));
    this.socket = socket;
    return socket;
  }

  private read(chunk: Buffer): void {
    if (this.remaining < 0) {
      this.head = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
      const end = this.head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = this.head.toString('latin1', 0, end).split('\r\n');
      this.status = Number(lines[0].split(' ')[1]);
      const length = lines.find((line) => /^content-length:/i.test(line));
      if (!length)
        return this.fail(new Error(`no Content-Length in the answer to ${this.pending?.path}`));
      this.remaining = Number(length.slice(length.indexOf(':') + 1));
      chunk = this.head.subarray(end + 4);
      this.head = Buffer.alloc(0);
    }
    this.remaining -= chunk.length;
    if (this.status !== 200) this.errorBody.push(chunk);
    if (this.remaining > 0) return;
    if (this.remaining < 0) return this.fail(new Error('more bytes than the Content-Length'));
    const { pending, status } = this;
    const body = Buffer.concat(this.errorBody).toString().slice(0, 300);
    this.pending = null;
    this.remaining = -1;
    this.errorBody = [];
    if (status === 200) pending?.resolve();
    else pending?.reject(new Error(`${status} ${pending.path}: ${body}`));
  }

  private fail(error: Error): void {
    const { pending } = this;
    this.socket?.destroy();
    this.socket = null;
    this.pending = null;
    this.head = Buffer.alloc(0);
    this.remaining = -1;
    this.errorBody = [];
    pending?.reject(error);
  }
}

if (!isMainThread) serve();

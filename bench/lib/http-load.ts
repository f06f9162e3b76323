import { Agent, get as httpGet } from 'node:http';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LoadResult, runLoad } from './concurrency';

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
  | { type: 'measure-start' }
  | {
      type: 'done';
      result: Omit<LoadResult, 'byOperation'> & { byOperation: [number, number[]][] };
    };

export class HttpLoadClients {
  private readonly worker: Worker;

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
  const get = leanClient(baseUrl, token);
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
          port.postMessage({ type: 'measure-start' });
        }),
      execute: async (path) => {
        await get(path);
      },
    }).then((result) =>
      port.postMessage({
        type: 'done',
        result: { ...result, byOperation: [...result.byOperation] },
      }),
    );
  });
}

/** GET over keep-alive connections: resolves when the answer has been read, rejects unless 200. */
function leanClient(baseUrl: string, token: string): (path: string) => Promise<void> {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true });
  const headers = { authorization: `Bearer ${token}` };
  return (path) =>
    new Promise((resolve, reject) => {
      httpGet({ hostname, port, path, agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          // only an error answer is kept, for its message
          if (response.statusCode !== 200) chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          if (response.statusCode === 200) resolve();
          else
            reject(
              new Error(
                `${response.statusCode} ${path}: ${Buffer.concat(chunks).toString().slice(0, 300)}`,
              ),
            );
        });
      }).on('error', reject);
    });
}

if (!isMainThread) serve();

/**
 * A closed-loop load runner: N clients, each sending its next request as soon as the previous
 * one answered, walking a shared list of operations from its own offset. Latency is measured
 * per request; throughput is completed requests over the wall time of the measured part.
 */
export interface LoadOptions<Op> {
  clients: number;
  /** Measured requests per client. */
  requestsPerClient: number;
  /** Unmeasured requests per client first (connections, caches, JIT). */
  warmupPerClient: number;
  /** Stops sending (measured) requests after this long; requests under way finish. */
  maxMs?: number;
  operations: readonly Op[];
  /**
   * Where in the list the clients start (default 0). Runs cut short by `maxMs` should start
   * at different places, so that together they still cover the whole list.
   */
  startAt?: number;
  /** Called (and awaited) between the warm-up and the measured part (e.g. to reset counters). */
  onMeasureStart?: () => void | Promise<void>;
  /** Performs one operation; a rejection counts as an error (its latency is not kept). */
  execute: (operation: Op, client: number) => Promise<void>;
}

export interface LoadResult {
  clients: number;
  /** Milliseconds per successful measured request, in completion order. */
  latencies: number[];
  /** Latencies per operation index, for finding slow queries. */
  byOperation: Map<number, number[]>;
  errors: number;
  firstError?: string;
  wallMs: number;
  throughput: number;
}

export async function runLoad<Op>(options: LoadOptions<Op>): Promise<LoadResult> {
  const { clients, operations, execute } = options;
  if (operations.length === 0) throw new Error('runLoad needs at least one operation');
  const stride = Math.max(1, Math.floor(operations.length / clients));

  const phase = async (requestsPerClient: number, measure: boolean) => {
    const latencies: number[] = [];
    const byOperation = new Map<number, number[]>();
    let errors = 0;
    let firstError: string | undefined;
    const deadline =
      measure && options.maxMs !== undefined ? performance.now() + options.maxMs : Infinity;
    const client = async (id: number) => {
      for (let i = 0; i < requestsPerClient && performance.now() < deadline; i++) {
        const index =
          ((options.startAt ?? 0) + id * stride + i + (measure ? 0 : 7919)) % operations.length;
        const started = performance.now();
        try {
          await execute(operations[index], id);
          const elapsed = performance.now() - started;
          latencies.push(elapsed);
          const list = byOperation.get(index) ?? [];
          list.push(elapsed);
          byOperation.set(index, list);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
    const wallMs = performance.now() - started;
    return { latencies, byOperation, errors, firstError, wallMs };
  };

  if (options.warmupPerClient > 0) await phase(options.warmupPerClient, false);
  await options.onMeasureStart?.();
  const measured = await phase(options.requestsPerClient, true);
  return {
    clients,
    ...measured,
    throughput: (measured.latencies.length / measured.wallMs) * 1000,
  };
}

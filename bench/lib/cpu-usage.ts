import { readdirSync, readFileSync } from 'node:fs';

/** CPU time used so far by this process (in all, and per thread) and by every PostgreSQL process. */
export interface CpuSnapshot {
  atMs: number;
  nodeMs: number;
  /**
   * CPU ms of each PostgreSQL process by pid, and of each thread of this process by thread id;
   * null where /proc cannot be read (not Linux): the report says n/a.
   */
  postgresMs: Map<string, number> | null;
  threadsMs: Map<string, number> | null;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User plus system CPU ms of a /proc stat line (the fields after "(comm) ": the 12th and 13th). */
function statMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU ms of each entry of a /proc directory whose stat passes `keep` (processes, or threads). */
function cpuByEntry(dir: string, keep: (stat: string) => boolean): Map<string, number> | null {
  try {
    const byId = new Map<string, number>();
    for (const id of readdirSync(dir)) {
      if (!/^\d+$/.test(id)) continue;
      let stat: string;
      try {
        stat = readFileSync(`${dir}/${id}/stat`, 'utf8');
      } catch {
        continue; // the process or thread ended meanwhile
      }
      if (keep(stat)) byId.set(id, statMs(stat));
    }
    return byId;
  } catch {
    return null;
  }
}

export function cpuSnapshot(): CpuSnapshot {
  const usage = process.cpuUsage();
  return {
    atMs: performance.now(),
    nodeMs: (usage.user + usage.system) / 1000,
    postgresMs: cpuByEntry('/proc', (stat) => stat.includes('(postgres)')),
    threadsMs: cpuByEntry('/proc/self/task', () => true),
  };
}

/** The id the kernel gives the calling thread (its /proc/self/task entry); null if unknown. */
export function currentThreadId(): string | null {
  try {
    return readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0];
  } catch {
    return null;
  }
}

/** Cores busy on average over a measured stretch (NaN: unknown). */
export interface CoresBusy {
  /** The bench's Node process: every thread of it. */
  node: number;
  /** Of which the main thread (the API's event loop, and the engine-only clients). */
  mainThread: number;
  /** Of which the thread of the HTTP load clients (0 when none was named). */
  clientsThread: number;
  /** Of which every other thread: V8's (garbage collection, compilation) and libuv's. */
  helperThreads: number;
  postgres: number;
}

/**
 * Cores busy on average since `from`: the bench's Node process, split by thread, and PostgreSQL.
 * Summed per process and thread: one that ended meanwhile (the pool closes idle connections)
 * takes its CPU time with it, and must not count as minus all it ever used.
 */
export function coresSince(from: CpuSnapshot, clientsThreadId: string | null = null): CoresBusy {
  const to = cpuSnapshot();
  const wall = to.atMs - from.atMs;
  const used = (before: Map<string, number> | null, after: Map<string, number> | null) => {
    if (before === null || after === null) return null;
    const byId = new Map<string, number>();
    for (const [id, ms] of after) byId.set(id, (ms - (before.get(id) ?? 0)) / wall);
    return byId;
  };
  const sum = (byId: Map<string, number> | null) =>
    byId === null ? NaN : [...byId.values()].reduce((total, cores) => total + cores, 0);
  const threads = used(from.threadsMs, to.threadsMs);
  const of = (id: string | null) =>
    id === null || threads === null ? NaN : (threads.get(id) ?? 0);
  const mainThread = of(String(process.pid));
  const clientsThread = clientsThreadId === null ? 0 : of(clientsThreadId);
  return {
    node: (to.nodeMs - from.nodeMs) / wall,
    mainThread,
    clientsThread,
    helperThreads: sum(threads) - mainThread - clientsThread,
    postgres: sum(used(from.postgresMs, to.postgresMs)),
  };
}

import { readdirSync, readFileSync } from 'node:fs';

/** CPU time used so far by this process and by every PostgreSQL process on the machine. */
export interface CpuSnapshot {
  atMs: number;
  nodeMs: number;
  /**
   * CPU ms of each PostgreSQL process by pid; null where /proc cannot be read (not Linux): the
   * report says n/a.
   */
  postgresMs: Map<string, number> | null;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function postgresMs(): Map<string, number> | null {
  try {
    const byPid = new Map<string, number>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // the process ended meanwhile
      }
      if (!stat.includes('(postgres)')) continue;
      // the fields after "(comm) ": utime and stime are the 12th and 13th
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    }
    return byPid;
  } catch {
    return null;
  }
}

export function cpuSnapshot(): CpuSnapshot {
  const usage = process.cpuUsage();
  return {
    atMs: performance.now(),
    nodeMs: (usage.user + usage.system) / 1000,
    postgresMs: postgresMs(),
  };
}

/**
 * Cores busy on average since `from`: the bench's Node process and PostgreSQL (NaN: unknown).
 * PostgreSQL is summed per process: a connection closed meanwhile (the pool closes idle ones)
 * takes its CPU time with it, and must not count as minus all it ever used.
 */
export function coresSince(from: CpuSnapshot): { node: number; postgres: number } {
  const to = cpuSnapshot();
  const wall = to.atMs - from.atMs;
  let postgres = NaN;
  if (from.postgresMs !== null && to.postgresMs !== null) {
    postgres = 0;
    for (const [pid, ms] of to.postgresMs) postgres += ms - (from.postgresMs.get(pid) ?? 0);
    postgres /= wall;
  }
  return { node: (to.nodeMs - from.nodeMs) / wall, postgres };
}

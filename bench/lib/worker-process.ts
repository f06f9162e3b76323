import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { procMemory } from './memory';

const ROOT = join(__dirname, '..', '..');

export interface WorkerProcess {
  pid: number;
  /** Peak and current RSS of the worker so far (read before stopping it). */
  memory(): { peak: number; current: number } | null;
  /** The last lines the worker wrote to stderr (for failures). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code or signal. */
  stop(graceMs?: number): Promise<string>;
}

/**
 * Starts the real worker (`src/worker.ts`: outbox relay + BullMQ workers) as a child process
 * with this process's environment, as it runs in production: a process of its own.
 */
export function startWorkerProcess(): WorkerProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join('src', 'worker.ts')],
    { cwd: ROOT, env: process.env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code ?? '?'}`)),
  );
  if (child.pid === undefined) throw new Error('The worker process did not start');
  const pid = child.pid;
  return {
    pid,
    memory: () => procMemory(pid),
    stderr: () => errors,
    async stop(graceMs = 15000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

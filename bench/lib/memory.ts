import { readFileSync } from 'node:fs';

/** Peak resident memory of this process since it started (getrusage), in bytes. */
export function processPeakRss(): number {
  // maxRSS is in kilobytes on Linux
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Peak and current resident memory of another process (Linux /proc: VmHWM, VmRSS), in bytes;
 * null when the process is gone or /proc is unavailable.
 */
export function procMemory(pid: number): { peak: number; current: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { peak: field('VmHWM'), current: field('VmRSS') };
  } catch {
    return null;
  }
}

/**
 * Samples this process's RSS on a timer and keeps the peak per named phase, so one phase (e.g.
 * generating data) does not hide what another (serving searches) needs.
 */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private phase = 'start';
  readonly peaks = new Map<string, number>();

  constructor(private readonly intervalMs = 50) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Starts attributing samples to `name` (peaks of earlier phases are kept). */
  enter(name: string): void {
    this.sample();
    this.phase = name;
    this.sample();
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }

  /** Heap in use after a full collection, by label (needs node --expose-gc; else unsettled). */
  readonly settledHeap = new Map<string, number>();

  /**
   * Collects garbage (when node runs with --expose-gc) and records the heap still in use: tells
   * memory that is kept apart from garbage V8 had not collected yet (RSS does not shrink back).
   */
  settle(label: string): void {
    (globalThis as { gc?: () => void }).gc?.();
    this.settledHeap.set(label, process.memoryUsage().heapUsed);
  }

  /** The highest sampled RSS across all phases. */
  get peak(): number {
    return Math.max(0, ...this.peaks.values());
  }

  private sample(): void {
    const rss = process.memoryUsage.rss();
    this.peaks.set(this.phase, Math.max(this.peaks.get(this.phase) ?? 0, rss));
  }
}

/**
 * Runs at most `limit` tasks at once; the others wait their turn in arrival order. A failed
 * task gives its place back like a finished one.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('a concurrency limit is 1 or more');
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((go) => this.waiting.push(go));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // the place passes straight to the next task, so none can overtake it
      if (next) next();
      else this.running--;
    }
  }
}

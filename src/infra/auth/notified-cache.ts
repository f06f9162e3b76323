export interface NotifiedCacheOptions {
  maxEntries: number;
  /** An entry older than this is read again: the bound on staleness if a notice never came. */
  ttlMs: number;
  now?: () => number;
}

/**
 * A cache that is only as good as the change notices it is given: it answers from memory while
 * it is `trusted` (the caller receives every change notice), and loads on every call otherwise.
 * `forget` drops an entry; a load that was under way when any notice came is returned but not
 * kept, so an older read never overwrites a change. Oldest entries go first when it is full.
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private generation = 0;
  private trusted = false;
  private readonly now: () => number;

  constructor(private readonly options: NotifiedCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string, load: (key: string) => Promise<V | undefined>): Promise<V | undefined> {
    if (this.trusted) {
      const entry = this.entries.get(key);
      if (entry && this.now() - entry.at < this.options.ttlMs) return entry.value;
    }
    const generation = this.generation;
    const value = await load(key);
    if (this.trusted && generation === this.generation && value !== undefined) {
      this.entries.delete(key);
      if (this.entries.size >= this.options.maxEntries)
        this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, at: this.now() });
    }
    return value;
  }

  /** A change of one key was noticed (or made here). */
  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  /** Notices arrive from now on: start answering from memory (after dropping what is held). */
  trust(): void {
    this.clear();
    this.trusted = true;
  }

  /** Notices may be missed from now on (the listener is gone): load on every call. */
  distrust(): void {
    this.trusted = false;
    this.clear();
  }

  /** Everything may have changed (a TRUNCATE). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

import { NotifiedCache } from './notified-cache';

/** A load that resolves when the test says so, counting its calls. */
function controlledLoad() {
  const pending: ((value: string) => void)[] = [];
  let calls = 0;
  return {
    load: (key: string) => {
      calls++;
      return new Promise<string | undefined>((resolve) => pending.push(resolve)).then((value) =>
        value === undefined ? undefined : `${key}:${value}`,
      );
    },
    resolveNext: (value: string) => pending.shift()?.(value),
    get calls() {
      return calls;
    },
  };
}

const loadVersion = (version: string) => (key: string) => Promise.resolve(`${key}:${version}`);

describe('NotifiedCache', () => {
  let clock: number;
  const cache = () => new NotifiedCache<string>({ maxEntries: 3, ttlMs: 1000, now: () => clock });

  beforeEach(() => {
    clock = 0;
  });

  it('answers from memory only while trusted', async () => {
    const c = cache();
    expect(await c.get('u1', loadVersion('a'))).toBe('u1:a');
    expect(await c.get('u1', loadVersion('b'))).toBe('u1:b'); // not trusted yet: loads again
    c.trust();
    expect(await c.get('u1', loadVersion('c'))).toBe('u1:c');
    expect(await c.get('u1', loadVersion('d'))).toBe('u1:c');
    c.distrust();
    expect(await c.get('u1', loadVersion('e'))).toBe('u1:e');
    expect(c.size).toBe(0);
  });

  it('loads again after a key was forgotten, and after everything was cleared', async () => {
    const c = cache();
    c.trust();
    await c.get('u1', loadVersion('a'));
    await c.get('u2', loadVersion('a'));
    c.forget('u1');
    expect(await c.get('u1', loadVersion('b'))).toBe('u1:b');
    expect(await c.get('u2', loadVersion('b'))).toBe('u2:a');
    c.clear();
    expect(await c.get('u2', loadVersion('c'))).toBe('u2:c');
  });

  it('does not keep a load that was under way when a change was noticed', async () => {
    const c = cache();
    c.trust();
    const slow = controlledLoad();
    const before = c.get('u1', slow.load); // read the row before the change committed
    c.forget('u1'); // the change's notice arrives first
    slow.resolveNext('old');
    expect(await before).toBe('u1:old'); // that request saw the old row, as without a cache
    expect(await c.get('u1', loadVersion('new'))).toBe('u1:new');
    expect(await c.get('u1', loadVersion('newer'))).toBe('u1:new');
  });

  it('does not keep a load that was under way when trust was lost and won back', async () => {
    const c = cache();
    c.trust();
    const slow = controlledLoad();
    const before = c.get('u1', slow.load);
    c.distrust();
    c.trust();
    slow.resolveNext('old');
    await before;
    expect(await c.get('u1', loadVersion('new'))).toBe('u1:new');
  });

  it('keeps nothing for a key that does not exist', async () => {
    const c = cache();
    c.trust();
    const missing = controlledLoad();
    const first = c.get('nobody', missing.load);
    missing.resolveNext(undefined as unknown as string);
    expect(await first).toBeUndefined();
    expect(await c.get('nobody', loadVersion('created'))).toBe('nobody:created');
  });

  it('reads an entry again once it is older than the time to live', async () => {
    const c = cache();
    c.trust();
    await c.get('u1', loadVersion('a'));
    clock = 999;
    expect(await c.get('u1', loadVersion('b'))).toBe('u1:a');
    clock = 1000;
    expect(await c.get('u1', loadVersion('c'))).toBe('u1:c');
  });

  it('drops the least recently loaded entry when full', async () => {
    const c = cache();
    c.trust();
    for (const key of ['u1', 'u2', 'u3', 'u4']) await c.get(key, loadVersion('a'));
    expect(c.size).toBe(3);
    expect(await c.get('u1', loadVersion('b'))).toBe('u1:b');
    expect(await c.get('u4', loadVersion('b'))).toBe('u4:a');
  });
});

import { ConcurrencyLimit } from './concurrency-limit';

/** Tasks given to the limit at once; each runs until it is told to finish (or fail). */
function submit(limit: ConcurrencyLimit, count: number) {
  const started: number[] = [];
  const tasks = Array.from({ length: count }, (_, i) => {
    let finish!: () => void;
    let fail!: (error: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const result = limit.run(() => {
      started.push(i);
      return done;
    });
    return { finish, fail, result };
  });
  return { started, tasks };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs at most the limit at once and the rest in arrival order as places free up', async () => {
    const limit = new ConcurrencyLimit(2);
    const { started, tasks } = submit(limit, 5);
    await tick();
    expect(started).toEqual([0, 1]);
    tasks[1].finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    const failed = expect(tasks[0].result).rejects.toThrow('broken');
    tasks[0].fail(new Error('broken'));
    await failed;
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const task of tasks.slice(2)) task.finish();
    await Promise.all(tasks.slice(1).map((task) => task.result));
    expect(started).toEqual([0, 1, 2, 3, 4]);

    // a failed task gave its place back too: two run at once again
    const again = submit(limit, 2);
    await tick();
    expect(again.started).toEqual([0, 1]);
    for (const task of again.tasks) task.finish();
    await Promise.all(again.tasks.map((task) => task.result));
  });

  it('refuses a limit below 1', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow('1 or more');
  });
});

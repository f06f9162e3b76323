import { readAhead } from './read-ahead';

/** A source that records when each item was asked for, relative to what the consumer did. */
function recordingSource(items: number[], log: string[], failAt?: number) {
  return (async function* () {
    try {
      for (const item of items) {
        log.push(`load ${item}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (item === failAt) throw new Error(`load ${item} failed`);
        yield item;
      }
    } finally {
      log.push('source closed');
    }
  })();
}

describe('readAhead', () => {
  it('loads the next item while the consumer works on the one before, in order', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const item of readAhead(recordingSource([1, 2, 3], log))) {
      log.push(`write ${item} starts`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push(`write ${item} ends`);
      seen.push(item);
    }
    expect(seen).toEqual([1, 2, 3]);
    // the load of 2 began before the write of 1 ended, and never more than one ahead
    expect(log.indexOf('load 2')).toBeLessThan(log.indexOf('write 1 ends'));
    expect(log.indexOf('load 3')).toBeGreaterThan(log.indexOf('write 1 ends'));
    expect(log.filter((line) => line === 'source closed')).toHaveLength(1);
  });

  it('passes a failed load on to the consumer', async () => {
    const seen: number[] = [];
    const consume = async () => {
      for await (const item of readAhead(recordingSource([1, 2, 3], [], 2))) seen.push(item);
    };
    await expect(consume()).rejects.toThrow('load 2 failed');
    expect(seen).toEqual([1]);
  });

  it('closes the source when the consumer fails, dropping the failure read ahead', async () => {
    const log: string[] = [];
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const consume = async () => {
        for await (const item of readAhead(recordingSource([1, 2, 3], log, 2))) {
          await new Promise((resolve) => setTimeout(resolve, 20)); // load 2 fails meanwhile
          throw new Error(`write ${item} failed`);
        }
      };
      await expect(consume()).rejects.toThrow('write 1 failed');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
      expect(log).toContain('source closed');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

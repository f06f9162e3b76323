/**
 * Yields what `source` yields, asking it for the next item as soon as one is handed out: the
 * next batch of a rebuild is loaded and built while the engine writes this one. At most one
 * item waits ahead. When the consumer stops early, the source is closed and a failure of the
 * item read ahead is dropped (nobody takes it).
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const ask = () => {
    const promise = iterator.next();
    // a failure read ahead is not unhandled: it is rethrown below when its turn comes
    promise.catch(() => undefined);
    return promise;
  };
  let next = ask();
  let finished = false;
  try {
    for (;;) {
      const result = await next;
      if (result.done) {
        finished = true;
        return;
      }
      next = ask();
      yield result.value;
    }
  } finally {
    if (!finished) await iterator.return?.().catch(() => undefined);
  }
}

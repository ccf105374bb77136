/**
 * Work shared by the callers of one key that arrive together, each still served by a run that began
 * after it asked: a caller that comes while a run for its key is under way waits for the next run,
 * which starts when that one ends and serves everyone who came meanwhile. Nobody gets an answer older
 * than their own request (a user who has just saved sees the save), yet 50 requests at once cost two
 * runs instead of 50 (issue 11). `run` gets the waiting callers' items and answers each in order.
 */
export function nextRunFor<T, R>(run: (key: string, items: T[]) => Promise<R[]>): (key: string, item: T) => Promise<R> {
  type Caller = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  /** Per key with a run under way: the callers waiting for the next one. */
  const waiting = new Map<string, Caller[]>();

  const start = (key: string, callers: Caller[]) => {
    waiting.set(key, []);
    run(key, callers.map((c) => c.item))
      .then(
        (results) => callers.forEach((c, i) => c.resolve(results[i])),
        (err: unknown) => callers.forEach((c) => c.reject(err)),
      )
      .finally(() => {
        const next = waiting.get(key)!;
        if (next.length) start(key, next);
        else waiting.delete(key);
      });
  };

  return (key, item) =>
    new Promise<R>((resolve, reject) => {
      const queued = waiting.get(key);
      if (queued) queued.push({ item, resolve, reject });
      else start(key, [{ item, resolve, reject }]);
    });
}

/** One read of `key` for the callers that arrive together, each read begun after its caller asked. */
export function freshRead<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const shared = nextRunFor<null, V>(async (key, callers) => {
    const value = await read(key);
    return callers.map(() => value);
  });
  return (key) => shared(key, null);
}

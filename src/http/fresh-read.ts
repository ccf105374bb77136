/**
 * One read shared by the callers that arrive together, each still getting a read that began after
 * it asked: a caller that comes while a read of its key is under way waits for the next read, which
 * starts when that one ends and serves everyone who came meanwhile. Nobody gets an answer older
 * than their own request (a user who has just saved sees the save), yet 50 requests at once cost two
 * reads instead of 50 (issue 11: the data version every report request reads).
 */
export function freshRead<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  /** Per key with a read under way: the callers waiting for the next one. */
  const waiting = new Map<string, { resolve: (v: V) => void; reject: (e: unknown) => void }[]>();

  const start = (key: string, callers: { resolve: (v: V) => void; reject: (e: unknown) => void }[]) => {
    waiting.set(key, []);
    read(key)
      .then(
        (value) => callers.forEach((c) => c.resolve(value)),
        (err: unknown) => callers.forEach((c) => c.reject(err)),
      )
      .finally(() => {
        const next = waiting.get(key)!;
        if (next.length) start(key, next);
        else waiting.delete(key);
      });
  };

  return (key) =>
    new Promise<V>((resolve, reject) => {
      const queued = waiting.get(key);
      if (queued) queued.push({ resolve, reject });
      else start(key, [{ resolve, reject }]);
    });
}

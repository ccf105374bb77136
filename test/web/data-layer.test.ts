import { describe, expect, it } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { ApiError } from '../../web/src/api/client';
import { createQueryClient, invalidate, shouldRetry, underPrefix } from '../../web/src/api/query-client';
import { legacyOptions, legacyView } from '../../web/src/api/use-query';

/** A request whose answer the test gives when it likes: `answer` or `fail` settles it. */
function deferred<T>() {
  let answer!: (v: T) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    answer = res;
    fail = rej;
  });
  return { promise, answer, fail };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('[WEB] data layer: caching by API path', () => {
  it.each([
    ['/api/training', '/api/training', true],
    ['/api/training/courses?x=1', '/api/training', true],
    ['/api/training?year=2026', '/api/training', true],
    ['/api/trainingx', '/api/training', false],
    ['/api/users', '/api/training', false],
    ['/api/units', '/api', true],
  ])('%s is under %s: %s', (path, prefix, expected) => {
    expect(underPrefix(path, prefix)).toBe(expected);
  });

  it('does not ask again after a 4xx (the server decided), but does after a network or server error', () => {
    expect(shouldRetry(0, new ApiError(404, { code: 'not_found', message: 'Finns inte.' }))).toBe(false);
    expect(shouldRetry(0, new ApiError(403, { code: 'forbidden', message: 'Nej.' }))).toBe(false);
    expect(shouldRetry(0, new ApiError(503, { code: 'unavailable', message: 'Försök igen.' }))).toBe(true);
    expect(shouldRetry(0, new ApiError(0, { code: 'network', message: 'Nätet.' }))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, { code: 'unavailable', message: 'Försök igen.' }))).toBe(false);
  });

  it('a write drops the reads under its prefixes that no page shows, and fetches again the ones on screen before it resolves', async () => {
    const client = createQueryClient();
    client.setQueryData(['/api/training/courses'], ['old course']);
    client.setQueryData(['/api/users'], ['a user']);
    let served = 0;
    const onScreen = new QueryObserver(client, { queryKey: ['/api/training/overview?asOf=2019-09-04'], queryFn: async () => `figures ${++served}` });
    const stop = onScreen.subscribe(() => undefined);
    await settle();
    expect(onScreen.getCurrentResult().data).toBe('figures 1');

    await invalidate(client, ['/api/training']);

    expect(client.getQueryData(['/api/training/courses'])).toBeUndefined();
    expect(onScreen.getCurrentResult().data).toBe('figures 2');
    expect(client.getQueryData(['/api/users'])).toEqual(['a user']);
    stop();
  });
});

describe('[WEB] data layer: the older useQuery shape never shows a stale answer', () => {
  it('an answer for an earlier path that arrives late does not replace the current path’s', async () => {
    const client = createQueryClient();
    const first = deferred<string>();
    const second = deferred<string>();
    const observer = new QueryObserver<string, ApiError>(client, { ...legacyOptions('/api/x?date=1'), queryFn: () => first.promise });
    const stop = observer.subscribe(() => undefined);
    observer.setOptions({ ...legacyOptions('/api/x?date=2'), queryFn: () => second.promise });
    second.answer('answer for date 2');
    await settle();
    first.answer('late answer for date 1');
    await settle();
    expect(legacyView('/api/x?date=2', observer.getCurrentResult())).toEqual({ data: 'answer for date 2', error: null, loading: false });
    stop();
  });

  it('an error belongs to its path: choosing another path clears it, and loading ends when the request does', async () => {
    const client = createQueryClient();
    const refused = new ApiError(404, { code: 'not_found', message: 'Nämnden finns inte.' });
    const observer = new QueryObserver<string, ApiError>(client, { ...legacyOptions('/api/boards/gone'), queryFn: () => Promise.reject(refused) });
    const stop = observer.subscribe(() => undefined);
    await settle();
    expect(legacyView('/api/boards/gone', observer.getCurrentResult())).toMatchObject({ data: undefined, error: refused, loading: false });

    const next = deferred<string>();
    observer.setOptions({ ...legacyOptions('/api/boards/here'), queryFn: () => next.promise });
    expect(legacyView('/api/boards/here', observer.getCurrentResult())).toEqual({ data: undefined, error: null, loading: true });
    next.answer('Farsta');
    await settle();
    expect(legacyView('/api/boards/here', observer.getCurrentResult())).toEqual({ data: 'Farsta', error: null, loading: false });
    stop();
  });

  it('a page opened again reads afresh instead of showing what an earlier visit cached', async () => {
    const client = createQueryClient();
    client.setQueryData(['/api/users'], 'cached before the change');
    const fresh = deferred<string>();
    const observer = new QueryObserver<string, ApiError>(client, { ...legacyOptions('/api/users'), queryFn: () => fresh.promise });
    const stop = observer.subscribe(() => undefined);
    expect(legacyView('/api/users', observer.getCurrentResult())).toMatchObject({ data: undefined, loading: true });
    fresh.answer('read after the change');
    await settle();
    expect(legacyView('/api/users', observer.getCurrentResult())).toMatchObject({ data: 'read after the change', loading: false });
    stop();
  });

  it('reads nothing while the path is null', () => {
    expect(legacyView(null, { isFetchedAfterMount: false, isFetching: false, data: undefined, error: null })).toEqual({ data: undefined, error: null, loading: false });
  });
});

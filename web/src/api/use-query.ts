import { useQuery as useTanstackQuery, type QueryObserverResult, type UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from './client';

/**
 * A read of `path` (with its query string), cached under that path. `null` reads nothing yet (not
 * allowed, nothing chosen). When the path changes the result is the new path's: an answer for an
 * older path that arrives late lands in its own cache entry and is never shown for the new one.
 * Render it with `<QueryState>` (components/QueryState.tsx), which shows loading and errors.
 */
export function useApiQuery<T>(path: string | null): UseQueryResult<T, ApiError> {
  return useTanstackQuery<T, ApiError>({ queryKey: [path], enabled: path !== null });
}

/** The options of the older hook: every mount (and every new path) reads afresh. */
export const legacyOptions = (path: string | null) => ({ queryKey: [path], enabled: path !== null, staleTime: 0, refetchOnMount: 'always' as const });

/**
 * What the older hook shows from a TanStack result: only what was read for `path` since the
 * component mounted (never an older path's answer, never a cached one from an earlier visit), the
 * current path's error only, and loading for as long as a request runs.
 */
export function legacyView<T>(path: string | null, q: Pick<QueryObserverResult<T, ApiError>, 'isFetchedAfterMount' | 'isFetching' | 'data' | 'error'>) {
  const current = path !== null && q.isFetchedAfterMount;
  const data = current ? q.data : undefined;
  const error = current ? q.error : null;
  return { data, error, loading: path !== null && (q.isFetching || (data === undefined && !error)) };
}

/**
 * The older shape, `{ data, error, loading, reload }`, for pages not yet on `useApiQuery`. It
 * behaves as before — every mount reads afresh and shows nothing cached — but on TanStack Query:
 * a late answer for an earlier path never replaces the current one, the error is the current
 * path's, and loading ends when the request does.
 */
export function useQuery<T>(path: string | null) {
  const q = useTanstackQuery<T, ApiError>(legacyOptions(path));
  return {
    ...legacyView(path, q),
    reload: async () => {
      if (path !== null) await q.refetch();
    },
  };
}

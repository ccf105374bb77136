import { QueryClient, type Query } from '@tanstack/react-query';
import { ApiError, get, setWriteListener } from './client';

/**
 * The web app's one cache of server reads (TanStack Query). A query's key is its API path with
 * its query string, `[path]`, so "everything under /api/training" is a prefix of the path.
 */

/** True when `path` is `prefix` or lies under it: '/api/training' covers '/api/training/courses?x=1', not '/api/trainingx'. */
export function underPrefix(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '/' || next === '?' || prefix.endsWith('/');
}

const pathOf = (q: Query) => (typeof q.queryKey[0] === 'string' ? q.queryKey[0] : '');

/** A 4xx answer is the server's decision (refused, not found, invalid): asking again changes nothing. */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        queryFn: ({ queryKey }) => get(queryKey[0] as string),
        // Back and forth between pages shows what was just read; a write drops what it changed.
        staleTime: 30_000,
        retry: shouldRetry,
        // A refetch on focus would redraw a page under a half-filled form.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * After a write under `prefixes`: reads nobody shows are dropped (the next page that needs them
 * waits for fresh ones instead of showing the old answer), reads on screen are fetched again.
 * Resolves when those are back, so the form stays disabled until the page shows the change.
 */
export async function invalidate(client: QueryClient, prefixes: string[] | 'all'): Promise<void> {
  const predicate = (q: Query) => prefixes === 'all' || prefixes.some((p) => underPrefix(pathOf(q), p));
  client.removeQueries({ predicate, type: 'inactive' });
  await client.invalidateQueries({ predicate, refetchType: 'active' });
}

export const queryClient = createQueryClient();

// Writes made with api() outside a mutation hook (pages not yet on the data layer) mark every read
// stale, as those pages fetch again by hand; logging in or out drops every read of the last user.
setWriteListener((method, path, tracked) => {
  if (underPrefix(path, '/api/session')) queryClient.clear();
  else if (!tracked) void invalidate(queryClient, 'all');
});

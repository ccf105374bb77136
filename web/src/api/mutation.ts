import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, upload, type ApiError, type Method } from './client';
import { invalidate } from './query-client';

/** One write: JSON `body`, or `form` fields sent as multipart/form-data (files). */
export interface Write {
  method: Exclude<Method, 'GET'>;
  path: string;
  body?: unknown;
  form?: Record<string, string | File | undefined>;
}

/**
 * Writes to the API and then refreshes every read under `invalidates` (path prefixes, e.g.
 * `['/api/training', '/api/reports']`): reads on screen are fetched again before the returned
 * promise resolves, reads not on screen are dropped. Pages never call `reload()` after a change.
 *
 *   const save = useApiMutation<TBoard>(['/api/boards']);
 *   const board = await save.mutateAsync({ method: 'POST', path: '/api/boards', body });
 */
export function useApiMutation<TResult = unknown>(invalidates: string[]) {
  const client = useQueryClient();
  return useMutation<TResult, ApiError, Write>({
    mutationFn: (w) => (w.form ? upload<TResult>(w.path, w.form, true) : api<TResult>(w.method, w.path, w.body, true)),
    // Every write is logged, so the audit log's reads are always among what it changes.
    onSuccess: () => invalidate(client, [...invalidates, '/api/audit']),
  });
}

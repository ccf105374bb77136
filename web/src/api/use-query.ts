import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from './client';

/**
 * Loads JSON from the API; `reload` fetches again after a change. Data is only returned for the
 * path it was loaded from: when the path changes (another date, another board) the old figures
 * disappear at once instead of standing beside the new choice until the answer arrives.
 */
export function useQuery<T>(path: string | null) {
  const [loaded, setLoaded] = useState<{ path: string; data: T } | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const load = useCallback(async () => {
    if (path === null) return;
    setLoading(true);
    try {
      const data = await get<T>(path);
      setLoaded({ path, data });
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { code: 'network', message: String(e) }));
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);
  const data = loaded && loaded.path === path ? loaded.data : undefined;
  return { data, error, loading: loading || (path !== null && data === undefined && !error), reload: load };
}

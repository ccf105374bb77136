import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { Loading, LoadError } from './feedback';

/**
 * A read's three states in one place: "Laddar …" (role=status) while the first answer is on its
 * way, the API's own Swedish message (role=alert) when it failed, else `children` with the data.
 * A read that is not enabled (its path is null) renders nothing. If a later refetch fails, the
 * message stands above the data it could not refresh.
 */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T, ApiError>; children: (data: T) => ReactNode }) {
  if (query.data === undefined) {
    if (query.error) return <LoadError message={query.error.message} />;
    return query.fetchStatus === 'idle' ? null : <Loading />;
  }
  return (
    <>
      {query.error && <LoadError message={query.error.message} />}
      {children(query.data)}
    </>
  );
}

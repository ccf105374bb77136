import type { TBoard } from '@shared/modules/orgs/schema';
import type { Action } from '../api/types';
import { useApiQuery } from '../api/use-query';
import { useSession } from '../auth/session';

/** The boards the user may do `action` on, in the register's order (empty while they load). */
export function useBoardsFor(action: Action): TBoard[] {
  const { scopeOf } = useSession();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const scope = scopeOf(action);
  return (boards.data ?? []).filter((b) => scope === 'all' || scope.includes(b.id));
}

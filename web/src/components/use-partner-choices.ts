import type { TPartner } from '@shared/modules/collaboration/schema';
import { useApiQuery } from '../api/use-query';

/**
 * The register's organisations a board's forum, agreement or activity may name: the board's own
 * and the city's (no board); without a board, every one the user reaches. Archived organisations
 * are not offered (the register's default). Undefined while the register loads, or when `enabled`
 * is false (the user may not read it).
 */
export function usePartnerChoices(boardId: string | null | undefined, enabled = true): TPartner[] | undefined {
  const register = useApiQuery<TPartner[]>(enabled ? '/api/partners' : null);
  return register.data?.filter((p) => !boardId || p.boards.length === 0 || p.boards.some((b) => b.id === boardId));
}

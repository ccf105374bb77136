/**
 * Who to ask (PRODUCT.md §8): every board's coordinators, for all staff. Only active accounts, only
 * the name and the account's e-mail; the central coordination of the whole city first.
 */
import type { Database } from '../../db/database.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import * as repo from './repo.js';

const CENTRAL = 'Central samordning (hela staden)';

export async function getDirectory(opts: { db: Database; actor: ServiceActor }) {
  const [boards, people] = await Promise.all([repo.boardsOf(opts.db, opts.actor.municipalityId, 'all'), repo.coordinators(opts.db, opts.actor.municipalityId)]);
  const of = (boardId: string | null) =>
    people
      .filter((p) => p.board_id === boardId)
      .map((p) => ({ name: p.name, email: p.email, role: p.role as 'local_coordinator' | 'central_coordinator' }))
      .filter((p, i, all) => all.findIndex((q) => q.email === p.email) === i);
  return [{ id: null, name: CENTRAL, coordinators: of(null) }, ...boards.map((b) => ({ id: b.id, name: b.name, coordinators: of(b.id) }))];
}

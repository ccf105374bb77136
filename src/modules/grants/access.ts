/**
 * Who reads and writes grant applications, from the one board-scope rule of src/domain/policy
 * (docs/architecture.md, "Authorization"): an application belongs to its board.
 */
import type { Database } from '../../db/database.js';
import { canOn, inScope, scopeOf, type Action, type BoardScope, type Grants, type ServiceActor } from '../../domain/policy/index.js';
import { forbidden, notFound } from '../../http/errors.js';
import * as repo from './repo.js';

/** Boards whose applications the actor reads. */
export const readScope = (actor: Grants): BoardScope => scopeOf(actor, 'grant_applications.read');

/**
 * The application, for `action`: 404 when unknown, in another municipality, or on a board the
 * actor does not read; 403 when the actor reads it but may not do `action` on its board.
 */
export async function requireApplication(db: Database, actor: ServiceActor, id: string, action: Action) {
  const row = await repo.findApplication(db, id, { lock: db.isTransaction });
  if (!row || row.municipality_id !== actor.municipalityId || !inScope(readScope(actor), row.board_id)) throw notFound('Ansökan');
  if (!canOn(actor, action, row.board_id)) throw forbidden();
  return row;
}

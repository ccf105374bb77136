/**
 * Who reads and writes collaboration records, from the one board-scope rule of
 * src/domain/policy (docs/architecture.md, "Authorization"). A record belongs to a board, or to
 * the whole city (no board): the city's records are read by everyone who reads collaboration and
 * written only with a grant that reaches every board.
 */
import type { Database } from '../../db/database.js';
import { canEverywhere, canOn, inScope, reachesAny, scopeOf, type Action, type ServiceActor } from '../../domain/policy/index.js';
import { forbidden, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import * as repo from './repo.js';

export function readsRecord(actor: ServiceActor, action: Action, boardId: string | null): boolean {
  const scope = scopeOf(actor, action);
  return boardId === null ? reachesAny(scope) : inScope(scope, boardId);
}

export function writesRecord(actor: ServiceActor, action: Action, boardId: string | null): boolean {
  return boardId === null ? canEverywhere(actor, action) : canOn(actor, action, boardId);
}

/** A partner of several boards is written by one who may write on all of them; a partner of none (the city's) by a municipality-wide grant. */
export function writesPartner(actor: ServiceActor, boardIds: readonly string[]): boolean {
  return boardIds.length ? boardIds.every((b) => canOn(actor, 'partners.update', b)) : canEverywhere(actor, 'partners.update');
}

/** 404 when the record is unknown to the actor (another municipality, a board it does not read); 403 when it reads but may not `write`. */
export function requireRecord<T extends { municipality_id: string; board_id: string | null }>(
  actor: ServiceActor,
  row: T | undefined,
  what: string,
  read: Action,
  write?: Action,
): T {
  if (!row || row.municipality_id !== actor.municipalityId || !readsRecord(actor, read, row.board_id)) throw notFound(what);
  if (write && !writesRecord(actor, write, row.board_id)) throw forbidden();
  return row;
}

/**
 * Partners a record of `boardId` (null: the whole city) may name: partners of the municipality,
 * not archived, of that board or of the whole city. One field error per id that is not.
 */
export async function checkPartners(db: Database, actor: ServiceActor, ids: readonly string[], boardId: string | null, field = 'partnerIds'): Promise<FieldError[]> {
  if (!ids.length) return [];
  const found = new Map((await repo.listPartners(db, actor.municipalityId, { scope: 'all', ids: [...new Set(ids)] })).map((p) => [p.id, p]));
  const problems: FieldError[] = [];
  ids.forEach((id, n) => {
    const p = found.get(id);
    if (!p) problems.push({ field: `${field}.${n}`, message: 'Organisationen finns inte i registret. Välj en organisation ur listan.' });
    else if (p.archived_at) problems.push({ field: `${field}.${n}`, message: `${p.name} är arkiverad. Välj en organisation som nämnden samverkar med nu.` });
    else if (boardId !== null && p.boards.length > 0 && !p.boards.some((b) => b.id === boardId)) {
      problems.push({ field: `${field}.${n}`, message: `${p.name} finns inte i nämndens register. Lägg till nämnden på organisationen först.` });
    }
  });
  return problems;
}

/** Plan activities a record of `boardId` may name: live activities of that board's plans (any board's for the whole city). */
export async function checkActivities(db: Database, actor: ServiceActor, ids: readonly string[], boardId: string | null, field = 'activityIds'): Promise<FieldError[]> {
  if (!ids.length) return [];
  const found = new Map((await repo.activitiesByIds(db, [...new Set(ids)])).map((a) => [a.id, a]));
  const problems: FieldError[] = [];
  ids.forEach((id, n) => {
    const a = found.get(id);
    if (!a || a.municipality_id !== actor.municipalityId || (boardId !== null && a.board_id !== boardId)) {
      problems.push({ field: `${field}.${n}`, message: 'Insatsen finns inte i nämndens planer. Välj en insats ur listan.' });
    }
  });
  return problems;
}

export function refuseProblems(problems: FieldError[], message: string): void {
  if (problems.length) throw unprocessable('invalid_reference', message, problems);
}

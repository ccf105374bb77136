import type { Database } from '../../db/database.js';
import { canOn, inScope, type ServiceActor } from '../../domain/policy/index.js';
import { AppError, forbidden, notFound, unprocessable } from '../../http/errors.js';
import * as orgs from '../orgs/service.js';
import { recordAudit } from '../audit/service.js';
import { readable } from './access.js';
import * as repo from './repo.js';

/**
 * Who reports on an activity: the board's users the local coordinator names (issue #12), from the
 * follow-up page or from the plan's activity form (the plans capability calls `saveReporters`
 * inside its own transaction).
 */

/** Roles whose holders on the board may be named: its contributors (unit managers) and local coordinators. */
export const REPORTER_ROLES = ['contributor', 'local_coordinator'] as const;

export async function reporterCandidates(db: Database, boardId: string) {
  return repo.usersWithRolesOnBoard(db, boardId, [...REPORTER_ROLES]);
}

/**
 * Replaces the activity's reporters after checking the actor names reporters on its board and
 * that every one holds a role on the board; audited when it changes anything. Runs in the caller's transaction.
 */
export async function saveReporters(trx: Database, actor: ServiceActor, a: { id: string; board_id: string }, ids: string[]) {
  if (!canOn(actor, 'followup.reporters.assign', a.board_id)) throw new AppError(403, 'forbidden', 'Bara nämndens lokala samordnare kan välja rapportörer.');
  const candidates = await reporterCandidates(trx, a.board_id);
  const userIds = [...new Set(ids)];
  const unknown = userIds.filter((id) => !candidates.some((c) => c.id === id));
  if (unknown.length) {
    const board = (await orgs.getBoard({ db: trx, municipalityId: actor.municipalityId, boardId: a.board_id })).name;
    throw unprocessable(
      'not_contributor',
      `Rapportörer måste vara bidragsgivare eller lokala samordnare i ${board}.`,
      unknown.map(() => ({ field: 'reporterIds', message: `Välj rapportörer bland användarna i ${board}.` })),
    );
  }
  const current = (await repo.reportersOf(trx, [a.id])).map((r) => r.id);
  if (current.length === userIds.length && userIds.every((id) => current.includes(id))) return (await repo.reportersOf(trx, [a.id])).map((r) => ({ id: r.id, name: r.name }));
  await repo.replaceReporters(trx, a.id, userIds);
  await recordAudit(trx, actor, { action: 'followup.reporters.assign', entity: 'plan_activity', entityId: a.id, boardId: a.board_id, summary: { userIds } });
  return (await repo.reportersOf(trx, [a.id])).map((r) => ({ id: r.id, name: r.name }));
}

/** The local coordinator names the reporters of one activity (PUT /api/activities/:id/reporters). */
export async function assignReporters(opts: { db: Database; actor: ServiceActor; activityId: string; userIds: string[] }) {
  return opts.db.transaction().execute(async (trx) => {
    const a = await repo.activityContext(trx, opts.activityId);
    if (!a || a.municipality_id !== opts.actor.municipalityId || a.deleted_at) throw notFound('Insatsen');
    if (!inScope(readable(opts.actor), a.board_id)) throw notFound('Insatsen');
    return saveReporters(trx, opts.actor, a, opts.userIds);
  });
}

/** The board's possible reporters and who is named on each of its activities: the activity form's choices. */
export async function boardReporters(opts: { db: Database; actor: ServiceActor; boardId: string }) {
  const board = await orgs.getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  if (!canOn(opts.actor, 'followup.reporters.assign', board.id)) throw forbidden();
  const [candidates, assigned] = await Promise.all([reporterCandidates(opts.db, board.id), repo.reportersOfBoard(opts.db, board.id)]);
  const byActivity: Record<string, string[]> = {};
  for (const r of assigned) (byActivity[r.activity_id] ??= []).push(r.user_id);
  return { candidates, assigned: byActivity };
}

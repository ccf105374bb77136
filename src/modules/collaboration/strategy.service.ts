/**
 * The civil-society strategy per board (the 2019 audit's third finding: no board had one): goals,
 * each carried out by plan activities and followed up through them each tertial. The plan check
 * flags a board without one (modules/plans/detail.service.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { actorUserId, canOn, scopeOf, type ServiceActor } from '../../domain/policy/index.js';
import { forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { getBoard } from '../orgs/service.js';
import { checkActivities, readsRecord, refuseProblems } from './access.js';
import * as repo from './repo.js';
import type { TStrategy, TUpdateStrategyRequest } from './schema.js';

type FollowUpStatus = TStrategy['goals'][number]['activities'][number]['latestStatus'];

export async function getStrategy(opts: { db: Database; actor: ServiceActor; boardId: string }): Promise<TStrategy> {
  const board = await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  if (!readsRecord(opts.actor, 'strategies.read', board.id)) throw notFound('Nämnden');
  const row = await repo.findStrategy(opts.db, board.id);
  const goals = row?.goals ?? [];
  const activityIds = [...new Set(goals.flatMap((g) => g.activityIds))];
  const [activities, latest] = await Promise.all([repo.activitiesByIds(opts.db, activityIds), repo.latestFollowUps(opts.db, activityIds)]);
  const byId = new Map(activities.map((a) => [a.id, a]));
  return {
    boardId: board.id,
    boardName: board.name,
    exists: goals.length > 0,
    adoptedOn: row?.adopted_on ? String(row.adopted_on) : null,
    summary: row?.summary ?? null,
    goals: goals.map((g) => ({
      id: g.id,
      text: g.text,
      activities: g.activityIds
        .map((id) => byId.get(id))
        .filter((a) => !!a)
        .map((a) => ({
          id: a.id,
          title: a.title,
          planYear: a.plan_year,
          latestStatus: (latest.get(a.id)?.status ?? 'not_reported') as FollowUpStatus,
          latestPeriod: latest.get(a.id)?.period ?? null,
        })),
    })),
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    canEdit: canOn(opts.actor, 'strategies.update', board.id),
  };
}

/** Every board the actor reads, with its strategy (or `exists: false`). */
export async function listStrategies(opts: { db: Database; actor: ServiceActor }): Promise<TStrategy[]> {
  const scope = scopeOf(opts.actor, 'strategies.read');
  let q = opts.db.selectFrom('board').select('id').where('municipality_id', '=', opts.actor.municipalityId).orderBy('kind').orderBy('name');
  if (scope !== 'all') q = q.where('id', 'in', scope.length ? scope : ['00000000-0000-0000-0000-000000000000']);
  const boards = await q.execute();
  const out: TStrategy[] = [];
  for (const b of boards) out.push(await getStrategy({ db: opts.db, actor: opts.actor, boardId: b.id }));
  return out;
}

export async function saveStrategy(opts: { db: Database; actor: ServiceActor; boardId: string; input: TUpdateStrategyRequest }): Promise<TStrategy> {
  const i = opts.input;
  const board = await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  if (!canOn(opts.actor, 'strategies.update', board.id)) throw forbidden();
  await opts.db.transaction().execute(async (trx) => {
    const problems = [];
    for (const [n, g] of i.goals.entries()) problems.push(...(await checkActivities(trx, opts.actor, g.activityIds ?? [], board.id, `goals.${n}.activityIds`)));
    refuseProblems(problems, 'Strategin kunde inte sparas. Välj insatser ur nämndens planer.');
    const before = await repo.findStrategy(trx, board.id);
    const goals = i.goals.map((g) => ({ id: g.id ?? randomUUID().slice(0, 8), text: g.text, activityIds: [...new Set(g.activityIds ?? [])] }));
    await repo.upsertStrategy(trx, { board_id: board.id, adopted_on: i.adoptedOn ?? null, summary: i.summary || null, goals, updated_by: actorUserId(opts.actor) });
    await recordAudit(trx, opts.actor, {
      action: 'strategies.update',
      entity: 'civil_society_strategy',
      entityId: board.id,
      boardId: board.id,
      summary: { goals: goals.length, activities: goals.reduce((n, g) => n + g.activityIds.length, 0), adoptedOn: i.adoptedOn ?? null, created: !before },
    });
  });
  return getStrategy({ db: opts.db, actor: opts.actor, boardId: board.id });
}

/** What the plan check needs from collaboration: each partner's type, and the boards that have a strategy with goals. */
export async function planCheckContext(db: Database, municipalityId: string, boardIds: string[]) {
  const [typeOf, withStrategy] = await Promise.all([repo.partnerTypes(db, municipalityId), repo.boardsWithStrategy(db, boardIds)]);
  return { typeOf, withStrategy };
}
export type PlanCheckContext = Awaited<ReturnType<typeof planCheckContext>>;

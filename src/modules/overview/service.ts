import type { Database } from '../../db/database.js';
import { compareBoards } from '../../domain/board-order.js';
import { todayInSweden } from '../../domain/calendar.js';
import { canEverywhere, inScope, reachesAny, scopeOf, type Action, type Actor } from '../../domain/policy/index.js';
import { tertialOf } from '../../domain/situation/categories.js';
import { AppError } from '../../http/errors.js';
import * as orgs from '../orgs/repo.js';
import { getOverview } from '../plans/service.js';
import { boardReport, cityReport } from '../reports/service.js';
import { tertialEnvironmentCounts } from '../situation/pictures.service.js';
import { DEFAULT_LAGGING_BELOW, overview as trainingOverview } from '../training/service.js';
import type { TBoardsOverview } from './schema.js';

/** How many lagging units the training overview lists at most (src/domain/training/status.ts laggingList). */
const LAGGING_LIST_LIMIT = 20;

/** Another capability's part: its answer, or null when it refuses the reader (403/404). */
async function part<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof AppError && (e.status === 403 || e.status === 404)) return null;
    throw e;
  }
}

/** Delayed activities per board from the follow-up report: the city report when the reader has it, else each board's. */
async function delayedByBoard(db: Database, actor: Actor, year: number, boardIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (canEverywhere(actor, 'reports.city')) {
    const report = await cityReport({ db, actor, year });
    for (const b of report.boards) out.set(b.boardId, b.byStatus.delayed);
    return out;
  }
  const scope = scopeOf(actor, 'reports.board');
  for (const id of boardIds.filter((b) => inScope(scope, b))) {
    const report = await part(() => boardReport({ db, actor, boardId: id, year }));
    const row = report?.boards.find((b) => b.boardId === id);
    if (row) out.set(id, row.byStatus.delayed);
  }
  return out;
}

/**
 * One row per board the reader's `overview.boards` grant reaches: this year's plan (late, returned),
 * delayed activities, training coverage and units under 20 %, and this tertial's concern reports per
 * environment. Each part comes from its own capability's service, read with the reader's own rights,
 * so each keeps its rules (plan scope, report scope, coverage arithmetic, small-count suppression).
 */
export async function boardsOverview(opts: { db: Database; actor: Actor; today?: string }): Promise<TBoardsOverview> {
  const { db, actor } = opts;
  const today = opts.today ?? todayInSweden();
  const year = Number(today.slice(0, 4));
  const tertial = tertialOf(today);
  const scope = scopeOf(actor, 'overview.boards');
  const boards = (await orgs.listBoards(db, actor.municipalityId))
    .filter((b) => inScope(scope, b.id))
    .sort(compareBoards);
  const ids = boards.map((b) => b.id);

  const reaches = (action: Action) => reachesAny(scopeOf(actor, action));
  // The parts are independent reads: on a PostgreSQL server they run side by side.
  const [plans, delayed, training, concerns] = await Promise.all([
    reaches('plans.overview') ? part(() => getOverview({ db, actor, year })) : null,
    delayedByBoard(db, actor, year, ids),
    reaches('training.coverage.read') ? part(() => trainingOverview({ db, actor, asOf: today, below: DEFAULT_LAGGING_BELOW })) : null,
    reaches('situation.read') ? part(() => tertialEnvironmentCounts({ db, actor, year, tertial })) : null,
  ]);

  return {
    year,
    today,
    tertial,
    planDeadline: plans?.deadline ?? null,
    laggingBelow: training?.laggingBelow ?? DEFAULT_LAGGING_BELOW,
    laggingCapped: (training?.lagging.length ?? 0) >= LAGGING_LIST_LIMIT,
    legend: concerns?.legend ?? null,
    boards: boards.map((b) => {
      const p = plans?.boards.find((r) => r.boardId === b.id);
      const t = training?.boards.find((r) => r.boardId === b.id);
      const c = concerns?.boards.find((r) => r.boardId === b.id);
      return {
        boardId: b.id,
        boardName: b.name,
        kind: b.kind,
        plan: p?.plan ? { id: p.plan.id, status: p.plan.status, score: p.plan.score } : null,
        late: p?.late ?? false,
        returned: p?.plan?.status === 'returned',
        delayed: delayed.get(b.id) ?? null,
        training: t
          ? { percent: t.percent, employees: t.employees, unitsBelow: training!.lagging.filter((u) => u.boardId === b.id).length }
          : null,
        concerns: c ? { suppressed: c.suppressed, total: c.total, byEnvironment: c.byEnvironment } : null,
      };
    }),
  };
}

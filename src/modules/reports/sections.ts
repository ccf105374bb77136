/**
 * The report's sections from other capabilities, each read with the reader's own rights through
 * that capability's exported service: training coverage with the units under 20 %, concern reports
 * per environment and tertial (suppressed outside the owning board by the situation module's rule),
 * and the plans that were late (not submitted by the plan instruction's deadline).
 */
import type { Database } from '../../db/database.js';
import type { Actor } from '../../domain/policy/index.js';
import { TERTIALS } from '../../domain/situation/categories.js';
import { AppError } from '../../http/errors.js';
import { helplineSummary } from '../hub/helpline.service.js';
import { effectiveInstruction } from '../plans/governance-service.js';
import { mayViewCity } from '../situation/access.js';
import { getBoardCounts, yearAndTertialCounts } from '../situation/pictures.service.js';
import { DEFAULT_LAGGING_BELOW, overview as trainingOverview } from '../training/service.js';
import type { TReport } from './schema.js';

/** A section from another capability: its data, or "not available" when it refuses or has none. */
export async function external<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof AppError && (e.status === 403 || e.status === 404)) return null;
    throw e;
  }
}

export async function trainingSection(db: Database, actor: Actor, boardId: string | null, year: number, today: string): Promise<TReport['training']> {
  const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
  const o = await external(() => trainingOverview({ db, actor, asOf, below: DEFAULT_LAGGING_BELOW }));
  const rows = (o?.boards ?? []).filter((r) => !boardId || r.boardId === boardId).map((r) => ({ boardId: r.boardId, employees: r.employees, completed: r.completed, percent: r.percent }));
  const available = rows.some((r) => r.employees > 0 || r.completed > 0);
  return {
    available,
    courseName: available ? (o?.course.name ?? null) : null,
    asOf: available ? asOf : null,
    rows: available ? rows : [],
    laggingBelow: o?.laggingBelow ?? DEFAULT_LAGGING_BELOW,
    lagging: available
      ? (o?.lagging ?? [])
          .filter((u) => !boardId || u.boardId === boardId)
          .map((u) => ({ boardId: u.boardId, boardName: u.boardName, unitName: u.unitName, employees: u.employees, completed: u.completed, percent: u.percent }))
      : [],
  };
}

export async function situationSection(db: Database, actor: Actor, scope: 'city' | 'board', boardId: string | null, year: number): Promise<TReport['situation']> {
  // The city report shows the year's suppressed table (the city picture's, for its readers) beside
  // the tertials: one read and one suppression serve both.
  const both = await external(() => yearAndTertialCounts({ db, actor, year, tertials: TERTIALS }));
  const byTertial = (both?.tertials ?? []).flatMap(({ tertial, boards }) =>
    boards.filter((b) => (!boardId || b.boardId === boardId) && b.total !== 0).map((b) => ({ tertial, boardId: b.boardId, suppressed: b.suppressed, total: b.total, byEnvironment: b.byEnvironment })),
  );
  if (scope === 'city') {
    const picture = mayViewCity(actor) ? both : null;
    const available = !!picture && picture.year.boards.some((b) => b.total !== 0);
    return {
      available,
      legend: picture?.legend ?? null,
      suppressed: true,
      rows: available ? picture!.year.boards.map((b) => ({ boardId: b.boardId, total: b.total, byEnvironment: b.byEnvironment })) : [],
      total: available ? picture!.year.totals.total : null,
      byTertial: available ? byTertial : [],
    };
  }
  const counts = await external(() => getBoardCounts({ db, actor, boardId: boardId!, year, charts: false, lang: 'sv' }));
  const available = !!counts && counts.total !== 0;
  return {
    available,
    legend: counts?.legend ?? null,
    suppressed: counts?.suppressed ?? true,
    rows: available ? [{ boardId: counts!.boardId, total: counts!.total, byEnvironment: counts!.byEnvironment }] : [],
    total: available ? counts!.total : null,
    byTertial: available ? byTertial : [],
  };
}

/**
 * The helpline's calls of the year with the hub's own suppression: the board's row in a board
 * report; every board with a call, and the city's own helpline, in the city report.
 */
export async function helplineSection(db: Database, actor: Actor, boardId: string | null, year: number): Promise<TReport['helpline']> {
  const s = await external(() => helplineSummary({ db, actor, year }));
  const rows = (s?.boards ?? []).filter((r) => (boardId ? r.boardId === boardId : r.total !== 0));
  const available = rows.some((r) => r.total !== 0);
  return {
    available,
    legend: available ? (s?.legend ?? null) : null,
    rows: available ? rows.map((r) => ({ boardId: r.boardId, boardName: r.boardName, total: r.total, byCallerType: r.byCallerType, byEnvironment: r.byEnvironment })) : [],
  };
}

/** A plan is late when the instruction's deadline has passed and it is not submitted (or further). */
const SUBMITTED = new Set(['submitted', 'in_review', 'approved']);

/** The plan instruction's deadline for the year's plans (null when it sets none). */
export async function planDeadline(db: Database, municipalityId: string, year: number): Promise<string | null> {
  return (await effectiveInstruction(db, municipalityId, year)).deadline ?? null;
}

export function latePlans(deadline: string | null, today: string, boards: { id: string; name: string }[], plans: Map<string, { status: string }>): TReport['latePlans'] {
  const due = deadline !== null && deadline < today;
  return {
    deadline,
    items: due
      ? boards.filter((b) => !SUBMITTED.has(plans.get(b.id)?.status ?? '')).map((b) => ({ boardId: b.id, boardName: b.name, status: (plans.get(b.id)?.status ?? null) as TReport['latePlans']['items'][number]['status'] }))
      : [],
  };
}

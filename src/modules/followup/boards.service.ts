import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { boardProgress } from '../../domain/followup/aggregate.js';
import { missedPeriods, nextDuePeriod } from '../../domain/followup/deadlines.js';
import { formatPeriod, periodRank, type PeriodId } from '../../domain/followup/periods.js';
import { inScope, scopeOf, type Actor, type ServiceActor } from '../../domain/policy/index.js';
import { notFound } from '../../http/errors.js';
import * as orgs from '../orgs/service.js';
import { isLocalCoordinatorOf, readable } from './access.js';
import { defaultPeriod, periodInfo, periodsOfYears } from './periods.service.js';
import { presentAnalysis, presentFollowUp } from './presenters.js';
import * as repo from './repo.js';
import { reporterCandidates } from './reporters.service.js';
import type { TBoardFollowUp, TFollowUpActivity, TMyActivities } from './schema.js';

/** The lists of activities to report on: "my activities" and a board's follow-up for a period. */

/**
 * Activity rows as the lists show them: reporters, this period's report, the one before it, linked
 * KPIs, whether the reader may report, and whether the report is overdue (`late`: the period's
 * deadline has passed and the activities count, i.e. their plan is approved).
 */
export async function activityViews(
  db: Database,
  rows: repo.ActivityListRow[],
  p: PeriodId,
  canReport: (row: repo.ActivityListRow, reporterIds: string[]) => boolean,
  late = false,
): Promise<TFollowUpActivity[]> {
  const ids = rows.map((r) => r.id);
  const [reporters, followUps, links] = await Promise.all([repo.reportersOf(db, ids), repo.followUpsOf(db, ids, p.year), repo.linksOf(db, ids)]);
  return rows.map((r) => {
    const own = followUps.filter((f) => f.activity_id === r.id);
    const current = own.find((f) => f.period === p.kind);
    const earlier = own.filter((f) => f.period_rank < periodRank(p.kind)).at(-1);
    const mine = reporters.filter((x) => x.activity_id === r.id);
    return {
      activityId: r.id,
      planId: r.plan_id,
      boardId: r.board_id,
      boardName: r.board_name,
      year: r.year,
      title: r.title,
      measureArea: r.measure_area,
      responsible: r.responsible,
      timeline: r.timeline,
      indicators: (r.indicators ?? []).map((i) => ({ kind: i.kind, name: i.name, baseline: i.baseline ?? null, target: i.target ?? null })),
      reporters: mine.map((x) => ({ id: x.id, name: x.name })),
      followUp: current ? presentFollowUp(current) : null,
      previous: earlier ? { period: formatPeriod({ year: earlier.year, kind: earlier.period }), status: earlier.status, comment: earlier.comment } : null,
      contextLinks: links.filter((l) => l.activity_id === r.id).map((l) => ({ indicatorName: l.indicator_name, kpiId: l.kpi_id })),
      canReport: canReport(r, mine.map((x) => x.id)),
      overdue: late && !current,
    };
  });
}

/**
 * "My activities": what the user answers for in approved plans, with the period's reports. Without
 * a period asked for, it opens on the period due next (src/domain/followup/deadlines.ts): the open
 * period with the earliest deadline where the user still has something to report. `missed` lists
 * the open periods whose deadline has passed with the user's reports missing.
 */
export async function myActivities(opts: { db: Database; actor: Actor; period?: string; today?: string }): Promise<TMyActivities> {
  const today = dayOrToday(opts.today);
  const m = opts.actor.municipalityId;
  const boards = scopeOf(opts.actor, 'followup.mine');
  const unitId = await repo.userUnit(opts.db, opts.actor.userId);
  const activitiesOf = (year: number) => repo.responsibleActivities(opts.db, { userId: opts.actor.userId, unitId, boards, municipalityId: m, year });
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 1, thisYear];
  const periods = await periodsOfYears(opts.db, m, years, today);
  const byYear = new Map<number, repo.ActivityListRow[]>();
  const reported = new Set<string>();
  for (const year of years) {
    const rows = await activitiesOf(year);
    byYear.set(year, rows);
    for (const f of await repo.followUpsOf(opts.db, rows.map((r) => r.id), year)) reported.add(`${f.activity_id}|${f.year}-${f.period}`);
  }
  const due = periods.map((info) => ({
    period: { year: info.year, kind: info.kind },
    deadline: info.deadline,
    state: info.state,
    outstanding: (byYear.get(info.year) ?? []).filter((r) => !reported.has(`${r.id}|${info.period}`)).length,
  }));
  const p = opts.period ? await defaultPeriod(opts.db, m, opts.period, today) : (nextDuePeriod(due, today) ?? (await defaultPeriod(opts.db, m, undefined, today)));
  const info = periods.find((x) => x.period === formatPeriod(p)) ?? (await periodInfo(opts.db, m, p, today));
  const rows = byYear.get(p.year) ?? (await activitiesOf(p.year));
  const open = info.state === 'open';
  return { period: info, activities: await activityViews(opts.db, rows, p, () => open, info.deadlinePassed), missed: missedPeriods(due, today) };
}

/** The local coordinator's follow-up board: every activity of the board's plan for the period. */
export async function boardFollowUp(opts: { db: Database; actor: ServiceActor; boardId: string; period?: string; today?: string }): Promise<TBoardFollowUp> {
  const today = dayOrToday(opts.today);
  const board = await orgs.getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  if (!inScope(readable(opts.actor, 'followup.board'), board.id)) throw notFound('Nämnden');
  const p = await defaultPeriod(opts.db, opts.actor.municipalityId, opts.period, today);
  const info = await periodInfo(opts.db, opts.actor.municipalityId, p, today);
  const plan = await repo.planOfBoardYear(opts.db, board.id, p.year);
  const coordinator = isLocalCoordinatorOf(opts.actor, board.id);
  const reportable = !!plan && plan.status === 'approved' && info.state === 'open';
  const rows = plan ? await repo.activitiesOfPlan(opts.db, plan.id) : [];
  const activities = await activityViews(opts.db, rows, p, () => coordinator && reportable, plan?.status === 'approved' && info.deadlinePassed);
  const progress = boardProgress(activities.map((a) => ({ ...a, reporterNames: a.reporters.map((r) => r.name), status: a.followUp?.status ?? null })));
  const analysis = await repo.findAnalysis(opts.db, board.id, p.year, p.kind);
  const kpis = [...new Set(activities.flatMap((a) => a.contextLinks.map((l) => l.kpiId)))];
  const context = await repo.listContext(opts.db, opts.actor.municipalityId, kpis);
  return {
    board: { id: board.id, name: board.name },
    period: info,
    plan: plan ? { id: plan.id, status: plan.status } : null,
    progress: { total: progress.total, reported: progress.reported, byStatus: progress.byStatus },
    activities,
    contributors: coordinator ? await reporterCandidates(opts.db, board.id) : [],
    analysis: analysis ? presentAnalysis(analysis) : null,
    context: context.map((c) => ({ kpiId: c.kpi_id, title: c.title, area: c.area, year: c.year, value: Number(c.value) })),
    canReport: coordinator && reportable,
    canWriteAnalysis: coordinator && info.state === 'open' && !analysis?.reported_at,
    canAssign: coordinator,
  };
}

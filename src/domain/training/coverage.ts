/**
 * Training coverage: how many of the employees of a board or unit have completed the training,
 * as of a given date.
 *
 * - Employees of a unit = its latest headcount on or before the date (later ones are ignored).
 * - Employees of a board = its board-level headcount (a row without unit) when that is at least
 *   as recent as the latest of its unit headcounts; otherwise the sum of its units' latest counts.
 * - Completed = distinct employee keys with a completion on or before the date (a person counted
 *   in two units of a board counts once for the board, and once in total). A row without a key is
 *   a count of people made by the database, in no other row (people.ts).
 * - Percent = completed / employees, rounded half up to one decimal; null without employees.
 * Dates are 'YYYY-MM-DD' strings, which compare correctly as strings.
 */
import { addDays, daysBetween } from './dates.js';
import { People, PeopleBy } from './people.js';

export interface Headcount {
  boardId: string;
  unitId: string | null;
  employees: number;
  asOf: string;
}

export interface Completion {
  boardId: string;
  unitId: string | null;
  /** One person. Absent on a row the database counted: then `count` people (people.ts). */
  employeeKey?: string;
  /** People a keyless row stands for; 1 when absent. */
  count?: number;
  completedOn: string;
  course?: string | null;
}

export interface CoverageFigure {
  employees: number;
  completed: number;
  /** One decimal; null when there are no employees to divide by. */
  percent: number | null;
}

export interface UnitCoverage extends CoverageFigure {
  boardId: string;
  unitId: string;
  /** Date of the headcount used, null when the unit has none on or before the date. */
  headcountAsOf: string | null;
}

export interface BoardCoverage extends CoverageFigure {
  boardId: string;
  /** 'board' = a board-level headcount, 'units' = the sum of unit headcounts, 'none' = no headcount. */
  employeesFrom: 'board' | 'units' | 'none';
  headcountAsOf: string | null;
}

export interface Coverage {
  asOf: string;
  total: CoverageFigure;
  boards: BoardCoverage[];
  units: UnitCoverage[];
}

export interface CoverageData {
  headcounts: Headcount[];
  completions: Completion[];
  /** Count only completions of this course (compared ignoring case); all courses when absent. */
  course?: string | null;
}

export interface CoverageInput extends CoverageData {
  asOf: string;
}

/** completed / employees in percent, rounded half up to one decimal (208 / 2679 → 7.8). */
export function percentOf(completed: number, employees: number): number | null {
  if (employees <= 0) return null;
  return Math.round((completed * 1000) / employees) / 10;
}

function figure(employees: number, completed: number): CoverageFigure {
  return { employees, completed, percent: percentOf(completed, employees) };
}

const norm = (s: string) => s.trim().toLowerCase();
const unitKey = (boardId: string, unitId: string) => `${boardId}\u0000${unitId}`;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function relevantCompletions(data: CoverageData, asOf: string): Completion[] {
  const course = data.course == null ? null : norm(data.course);
  return data.completions.filter(
    (c) => c.completedOn <= asOf && (course === null || (c.course != null && norm(c.course) === course)),
  );
}

/** Latest headcount on or before asOf per board (unitId null) and per unit (keyed by unitKey). */
function latestHeadcounts(headcounts: readonly Headcount[], asOf: string) {
  const boardLevel = new Map<string, Headcount>();
  // Per board, then per unit: a city's history has tens of thousands of rows, and a key made of
  // two ids per row would be built and hashed anew each time.
  const unitsOfBoard = new Map<string, Map<string, Headcount>>();
  const unitsOf = (boardId: string) => {
    let units = unitsOfBoard.get(boardId);
    if (!units) unitsOfBoard.set(boardId, (units = new Map()));
    return units;
  };
  for (const h of headcounts) {
    if (h.asOf > asOf) continue;
    const map = h.unitId === null ? boardLevel : unitsOf(h.boardId);
    const key = h.unitId ?? h.boardId;
    const current = map.get(key);
    if (!current || h.asOf >= current.asOf) map.set(key, h);
  }
  const unitLevel = new Map<string, Headcount>();
  for (const [boardId, units] of unitsOfBoard) for (const [unitId, h] of units) unitLevel.set(unitKey(boardId, unitId), h);
  return { boardLevel, unitLevel };
}

export function coverageAsOf(input: CoverageInput): Coverage {
  const { asOf } = input;
  const { boardLevel, unitLevel } = latestHeadcounts(input.headcounts, asOf);
  const completions = relevantCompletions(input, asOf);

  const unitKeys = new PeopleBy<string>();
  const boardKeys = new PeopleBy<string>();
  const allKeys = new People();
  const units = new Map<string, { boardId: string; unitId: string }>();
  const boardIds = new Set<string>();
  for (const h of unitLevel.values()) units.set(unitKey(h.boardId, h.unitId!), { boardId: h.boardId, unitId: h.unitId! });
  for (const h of boardLevel.values()) boardIds.add(h.boardId);
  for (const c of completions) {
    boardIds.add(c.boardId);
    allKeys.add(c);
    boardKeys.add(c.boardId, c);
    if (c.unitId !== null) {
      const k = unitKey(c.boardId, c.unitId);
      if (!units.has(k)) units.set(k, { boardId: c.boardId, unitId: c.unitId });
      unitKeys.add(k, c);
    }
  }

  // Objects spelled out, not spread: a spread costs microseconds each in V8, and a city has thousands of units.
  const unitResults: UnitCoverage[] = [...units.entries()]
    .map(([k, u]) => {
      const h = unitLevel.get(k);
      const employees = h?.employees ?? 0;
      const completed = unitKeys.size(k);
      return { boardId: u.boardId, unitId: u.unitId, employees, completed, percent: percentOf(completed, employees), headcountAsOf: h?.asOf ?? null };
    })
    .sort((a, b) => byId(a.boardId, b.boardId) || byId(a.unitId, b.unitId));

  // Each board's units with a headcount, gathered once (a city has thousands of units).
  const withHeadcount = new Map<string, UnitCoverage[]>();
  for (const u of unitResults) {
    boardIds.add(u.boardId);
    if (u.headcountAsOf === null) continue;
    const list = withHeadcount.get(u.boardId);
    if (list) list.push(u);
    else withHeadcount.set(u.boardId, [u]);
  }
  const boards: BoardCoverage[] = [...boardIds].sort(byId).map((boardId) => {
    const own = withHeadcount.get(boardId) ?? [];
    const latestUnitDate = own.reduce<string | null>((d, u) => (d === null || u.headcountAsOf! > d ? u.headcountAsOf : d), null);
    const boardRow = boardLevel.get(boardId);
    const completed = boardKeys.size(boardId);
    const board = (employees: number, employeesFrom: BoardCoverage['employeesFrom'], headcountAsOf: string | null): BoardCoverage => ({
      boardId,
      employees,
      completed,
      percent: percentOf(completed, employees),
      employeesFrom,
      headcountAsOf,
    });
    if (boardRow && (latestUnitDate === null || boardRow.asOf >= latestUnitDate)) return board(boardRow.employees, 'board', boardRow.asOf);
    if (own.length > 0) return board(own.reduce((s, u) => s + u.employees, 0), 'units', latestUnitDate);
    return board(0, 'none', null);
  });

  const totalEmployees = boards.reduce((s, b) => s + b.employees, 0);
  return { asOf, total: figure(totalEmployees, allKeys.size), boards, units: unitResults };
}

/**
 * People who have started but not completed the course as of a date, per board and in total:
 * distinct keys of started rows dated on or before it. Shown beside coverage; coverage itself
 * counts completions only. (A person is stored once per course: completed, or started.)
 */
export function startedAsOf(
  started: readonly Pick<Completion, 'boardId' | 'employeeKey' | 'count' | 'completedOn'>[],
  asOf: string,
): { total: number; boards: Map<string, number> } {
  const perBoard = new PeopleBy<string>();
  const all = new People();
  for (const s of started) {
    if (s.completedOn > asOf) continue;
    all.add(s);
    perBoard.add(s.boardId, s);
  }
  return { total: all.size, boards: new Map([...perBoard.map].map(([b, people]) => [b, people.size])) };
}

/** Coverage at each of the dates (e.g. month ends), oldest first. */
export function trend(data: CoverageData, dates: string[]): Coverage[] {
  return [...new Set(dates)].sort().map((asOf) => coverageAsOf({ ...data, asOf }));
}

export interface LaggingUnit extends UnitCoverage {
  /** Completions still needed to reach the target. */
  missing: number;
}

/**
 * The n units furthest behind (optionally within one board): lowest percent first, then the most
 * people missing, then id. Units without a headcount are left out (their percent is unknown).
 * `target` is in percent, default 100 (the 2019 decision: all staff).
 */
export function laggingUnits(coverage: Coverage, n: number, options: { target?: number; boardId?: string } = {}): LaggingUnit[] {
  const target = options.target ?? 100;
  return coverage.units
    .filter((u) => u.employees > 0 && (options.boardId === undefined || u.boardId === options.boardId))
    // Spelled out, not spread (see coverageAsOf).
    .map((u) => ({
      boardId: u.boardId,
      unitId: u.unitId,
      employees: u.employees,
      completed: u.completed,
      percent: u.percent,
      headcountAsOf: u.headcountAsOf,
      missing: Math.max(0, Math.ceil((target * u.employees) / 100 - 1e-9) - u.completed),
    }))
    .sort((a, b) => a.percent! - b.percent! || b.missing - a.missing || byId(a.boardId, b.boardId) || byId(a.unitId, b.unitId))
    .slice(0, Math.max(0, n));
}

/** A priority group (e.g. 2019: social services, 2020: preschool): whole boards and/or units. */
export interface PriorityGroup {
  id: string;
  boardIds?: string[];
  unitIds: string[];
}

export interface GroupCoverage extends CoverageFigure {
  id: string;
}

/**
 * Coverage of each priority group as of the date. Employees = the boards' totals plus the units'
 * headcounts (units of a board already in the group are not added twice); completed = distinct
 * people with a completion in the group.
 */
export function groupCoverage(input: CoverageInput & { groups: PriorityGroup[]; coverage?: Coverage }): GroupCoverage[] {
  // The caller's coverageAsOf of the same input, when it has it: the same figures, computed once.
  const coverage = input.coverage ?? coverageAsOf(input);
  const completions = relevantCompletions(input, input.asOf);
  return input.groups.map((g) => {
    const boards = new Set(g.boardIds ?? []);
    const unitIds = new Set(g.unitIds);
    const employees =
      coverage.boards.filter((b) => boards.has(b.boardId)).reduce((s, b) => s + b.employees, 0) +
      coverage.units.filter((u) => unitIds.has(u.unitId) && !boards.has(u.boardId)).reduce((s, u) => s + u.employees, 0);
    const keys = new People();
    for (const c of completions) if (boards.has(c.boardId) || (c.unitId !== null && unitIds.has(c.unitId))) keys.add(c);
    return { id: g.id, ...figure(employees, keys.size) };
  });
}

export interface TrendPoint {
  date: string;
  percent: number;
}

/** Least-squares pace in percentage points per day, or null with fewer than two distinct dates. */
export function pacePerDay(points: TrendPoint[]): number | null {
  if (points.length < 2) return null;
  const first = points.reduce((d, p) => (p.date < d ? p.date : d), points[0].date);
  const xs = points.map((p) => daysBetween(first, p.date));
  const ys = points.map((p) => p.percent);
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  return sxx === 0 ? null : sxy / sxx;
}

/**
 * When the target is reached at the current pace: the least-squares slope of the points,
 * continued from the latest point. The date of the first point at or above the target when it
 * has already been reached; null when the pace is zero or negative (or cannot be measured),
 * or when the date would fall after year 9999.
 */
export function forecast({ points, target }: { points: TrendPoint[]; target: number }): string | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => byId(a.date, b.date));
  const reached = sorted.find((p) => p.percent >= target);
  if (reached) return reached.date;
  const pace = pacePerDay(sorted);
  if (pace === null || pace <= 0) return null;
  const last = sorted[sorted.length - 1];
  const days = Math.ceil((target - last.percent) / pace - 1e-9);
  if (!Number.isFinite(days) || daysBetween(last.date, '9999-12-31') < days) return null;
  return addDays(last.date, days);
}

/**
 * Counting concern reports for the situation picture, and the suppressed city-wide tables.
 * Pure: no I/O.
 */
import type { Cell } from '../suppression.js';
import { CONCERN_TYPES, ENVIRONMENTS, TERTIALS, tertialOf, type ConcernType, type Environment, type Tertial } from './categories.js';
import { suppressLinkedTables } from './linked-suppression.js';

export interface CountableReport {
  boardId: string;
  occurredOn: string;
  type: ConcernType;
  environment: Environment;
}

export interface Counts<T = number> {
  total: T;
  byType: Record<ConcernType, T>;
  byEnvironment: Record<Environment, T>;
  byTertial: Record<Tertial, T>;
}

// Plain loops, not Object.fromEntries: a city of 300 boards builds thousands of these per picture.
function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  const o = {} as Record<K, number>;
  for (const k of keys) o[k] = 0;
  return o;
}
function pick<K extends string>(keys: readonly K[], values: readonly Cell[]): Record<K, Cell> {
  const o = {} as Record<K, Cell>;
  for (let i = 0; i < keys.length; i++) o[keys[i]] = values[i];
  return o;
}

export function emptyCounts(): Counts {
  return { total: 0, byType: zeroes(CONCERN_TYPES), byEnvironment: zeroes(ENVIRONMENTS), byTertial: zeroes(TERTIALS) };
}

/** Exact counts of the given reports. */
export function countReports(reports: readonly CountableReport[]): Counts {
  const c = emptyCounts();
  for (const r of reports) {
    c.total++;
    c.byType[r.type]++;
    c.byEnvironment[r.environment]++;
    c.byTertial[tertialOf(r.occurredOn)]++;
  }
  return c;
}

/** Type × environment, exact. */
export function crossTable(reports: readonly CountableReport[]): { type: ConcernType; counts: Record<Environment, number> }[] {
  return CONCERN_TYPES.map((type) => {
    const counts = zeroes(ENVIRONMENTS);
    for (const r of reports) if (r.type === type) counts[r.environment]++;
    return { type, counts };
  });
}

export const exactCells = (c: Counts): Counts<Cell> => c;

/**
 * The city-wide tables for one year: boards × types, boards × environments and boards × tertials,
 * suppressed together because they share the boards' totals and the year's total. `knownBoards`:
 * the boards whose counts the reader sees exactly elsewhere; the tables are suppressed so that
 * subtracting those counts recovers no other board's small count (linked-suppression.ts).
 */
export function suppressedCityCounts(
  boardIds: readonly string[],
  reports: readonly CountableReport[],
  threshold: number,
  knownBoards: readonly string[] = [],
): { boards: Counts<Cell>[]; totals: Counts<Cell> } {
  const known = new Set(knownBoards);
  const byBoard = new Map<string, CountableReport[]>();
  for (const r of reports) {
    const list = byBoard.get(r.boardId);
    if (list) list.push(r);
    else byBoard.set(r.boardId, [r]);
  }
  const rows = boardIds.map((id) => countReports(byBoard.get(id) ?? []));
  const result = suppressLinkedTables(
    {
      rowTotals: rows.map((r) => r.total),
      tables: {
        type: rows.map((r) => CONCERN_TYPES.map((k) => r.byType[k])),
        environment: rows.map((r) => ENVIRONMENTS.map((k) => r.byEnvironment[k])),
        tertial: rows.map((r) => TERTIALS.map((k) => r.byTertial[k])),
      },
      knownRows: boardIds.flatMap((id, i) => (known.has(id) ? [i] : [])),
    },
    threshold,
  );
  return {
    boards: boardIds.map((_, i) => ({
      total: result.rowTotals[i],
      byType: pick(CONCERN_TYPES, result.tables.type.cells[i]),
      byEnvironment: pick(ENVIRONMENTS, result.tables.environment.cells[i]),
      byTertial: pick(TERTIALS, result.tables.tertial.cells[i]),
    })),
    totals: {
      total: result.grandTotal,
      byType: pick(CONCERN_TYPES, result.tables.type.columnTotals),
      byEnvironment: pick(ENVIRONMENTS, result.tables.environment.columnTotals),
      byTertial: pick(TERTIALS, result.tables.tertial.columnTotals),
    },
  };
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

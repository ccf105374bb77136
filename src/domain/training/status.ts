/**
 * Coverage against the target: the defaults (the 2019 decision, the coordinator's lagging line),
 * the status word of a figure, and the list of lagging units the overview shows. Pure.
 */
import { laggingUnits, type Coverage } from './coverage.js';

/** The 2019 management decision: all staff shall complete the basic training. */
export const DEFAULT_TARGET = 100;
/** Units under this share are "lagging" (the coordinator's Monday question: who is under 20 %?). */
export const DEFAULT_LAGGING_BELOW = 20;

export const COVERAGE_STATUSES = ['reached', 'below', 'lagging', 'no_data'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** Reached at or above the target, lagging under `below`, below in between; no data without a percent. */
export function coverageStatus(percent: number | null, target: number, below: number): CoverageStatus {
  if (percent === null) return 'no_data';
  if (percent >= target) return 'reached';
  if (percent < below) return 'lagging';
  return 'below';
}

export interface LaggingRow {
  boardId: string;
  boardName: string;
  unitId: string;
  unitName: string;
  employees: number;
  completed: number;
  percent: number | null;
  /** Completions still needed to reach the target. */
  missing: number;
}

/** The units under `below` percent, furthest behind first (at most `limit`), named from the register. */
export function laggingList(
  coverage: Coverage,
  names: { boards: { id: string; name: string }[]; units: { id: string; name: string }[] },
  target: number,
  below: number,
  limit = 20,
): LaggingRow[] {
  const boardName = new Map(names.boards.map((b) => [b.id, b.name]));
  const unitName = new Map(names.units.map((u) => [u.id, u.name]));
  return laggingUnits(coverage, coverage.units.length, { target })
    .filter((u) => u.percent !== null && u.percent < below)
    .slice(0, limit)
    .map((u) => ({
      boardId: u.boardId,
      boardName: boardName.get(u.boardId) ?? '',
      unitId: u.unitId,
      unitName: unitName.get(u.unitId) ?? '',
      employees: u.employees,
      completed: u.completed,
      percent: u.percent,
      missing: u.missing,
    }));
}

/**
 * Concern counts per board and environment in each tertial, for readers outside the boards (the
 * start page's table, the city report's "per tertial and environment").
 *
 * These numbers add up to figures the year's city picture already publishes: a board's count in
 * an environment over the three tertials is its yearly count in that environment, and its count
 * over the environments in a tertial is its yearly count in that tertial. Suppressing each
 * tertial on its own would let a reader subtract: yearly 15 = T1 6 + T2 7 + T3 "<5" gives T3 = 2.
 * So all three tertials are suppressed together, in one set of relations that includes the
 * year's published cells with their fate fixed (shown ones as known to everyone, hidden ones as
 * hidden): a small tertial cell always has a second hidden partner in every sum it is part of.
 *
 * Pure: no I/O.
 */
import { Relations, suppressRelations, type Cell } from '../suppression.js';
import { ENVIRONMENTS, TERTIALS, tertialOf, type Environment, type Tertial } from './categories.js';
import type { CountableReport, Counts } from './counts.js';

export interface TertialEnvironmentRow {
  total: Cell;
  byEnvironment: Record<Environment, Cell>;
}

export interface TertialEnvironmentInput {
  boardIds: readonly string[];
  /** The year's reports. */
  reports: readonly CountableReport[];
  threshold: number;
  /** Boards whose counts the reader sees exactly elsewhere (see suppressedCityCounts). */
  knownBoards?: readonly string[];
  /** The year's city tables as published to this reader (suppressedCityCounts over the same reports). */
  year: { boards: readonly Counts<Cell>[]; totals: Counts<Cell> };
}

/** Per tertial, one row per board (in `boardIds` order): its tertial total and environments. */
export function suppressedTertialEnvironments(input: TertialEnvironmentInput): Record<Tertial, TertialEnvironmentRow[]> {
  const { boardIds, threshold } = input;
  const nb = boardIds.length;
  const ne = ENVIRONMENTS.length;
  const boardIndex = new Map(boardIds.map((id, i) => [id, i]));
  const known = new Set(input.knownBoards ?? []);

  // Flat values: x[t][b][e] (exact), then each board's yearly tertial and environment counts,
  // then per tertial its column sums per environment and its city total.
  const values: number[] = [];
  const x = (t: number, b: number, e: number) => (t * nb + b) * ne + e;
  values.length = TERTIALS.length * nb * ne;
  values.fill(0);
  for (const r of input.reports) {
    const b = boardIndex.get(r.boardId);
    if (b === undefined) continue;
    values[x(TERTIALS.indexOf(tertialOf(r.occurredOn)), b, ENVIRONMENTS.indexOf(r.environment))]++;
  }
  const relations = new Relations();
  // The sum of the parts first, first + stride, … (count of them) as a new value, related to its
  // parts; returns the sum's index.
  const sumOf = (first: number, count: number, stride: number) => {
    let total = 0;
    for (let k = 0; k < count; k++) total += values[first + k * stride];
    const at = values.push(total) - 1;
    relations.addRange(first, count, stride, at);
    return at;
  };
  const published = new Map<number, boolean>();
  const publish = (i: number, cell: Cell) => published.set(i, typeof cell === 'number');

  TERTIALS.forEach((tertial, t) => {
    for (let b = 0; b < nb; b++) publish(sumOf(x(t, b, 0), ne, 1), input.year.boards[b].byTertial[tertial]);
  });
  for (let b = 0; b < nb; b++) {
    ENVIRONMENTS.forEach((env, e) => publish(sumOf(x(0, b, e), TERTIALS.length, nb * ne), input.year.boards[b].byEnvironment[env]));
  }
  TERTIALS.forEach((tertial, t) => {
    // The tertial's column sums per environment, one after the other, then the city's total of them.
    const firstColumn = sumOf(x(t, 0, 0), nb, ne);
    for (let e = 1; e < ne; e++) sumOf(x(t, 0, e), nb, ne);
    publish(sumOf(firstColumn, ne, 1), input.year.totals.byTertial[tertial]);
  });

  const knownCells = new Set<number>();
  boardIds.forEach((id, b) => {
    if (!known.has(id)) return;
    for (let t = 0; t < TERTIALS.length; t++) for (let e = 0; e < ne; e++) knownCells.add(x(t, b, e));
  });

  const shown = suppressRelations(values, relations, threshold, knownCells, published);
  const result = {} as Record<Tertial, TertialEnvironmentRow[]>;
  TERTIALS.forEach((tertial, t) => {
    result[tertial] = boardIds.map((_, b) => {
      const byEnvironment = {} as Record<Environment, Cell>;
      ENVIRONMENTS.forEach((env, e) => (byEnvironment[env] = shown[x(t, b, e)]));
      return { total: input.year.boards[b].byTertial[tertial], byEnvironment };
    });
  });
  return result;
}

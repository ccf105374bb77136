/**
 * The whole scope's coverage figure on each of many dates (the trend), in one pass over the
 * headcounts and completions sorted by date instead of coverageAsOf from scratch per date: a city
 * has tens of thousands of headcount rows and the trend forty dates. Same rules as coverageAsOf
 * (coverage.ts), whose `total` it equals (people.test.ts checks that). Pure.
 */
import { percentOf, type Completion, type CoverageFigure, type Headcount } from './coverage.js';
import { People } from './people.js';

interface BoardState {
  /** The latest board-level headcount applied so far. */
  board: Headcount | null;
  /** The latest headcount of each unit applied so far, their sum and their latest date. */
  units: Map<string, Headcount>;
  unitSum: number;
  latestUnitDate: string | null;
}

const byDate = <T>(date: (x: T) => string) => (a: T, b: T) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0);

/** What the totals read of a completion row: its people and its date, not where they work. */
export type DatedCompletion = Pick<Completion, 'employeeKey' | 'count' | 'completedOn'>;

/** The total figure on each date, in the order of `dates` (all courses' completions: the caller filters). */
export function totalsAt(data: { headcounts: readonly Headcount[]; completions: readonly DatedCompletion[] }, dates: readonly string[]): CoverageFigure[] {
  // Stable sorts: among rows of one date the later one wins, as in coverageAsOf.
  const headcounts = [...data.headcounts].sort(byDate((h) => h.asOf));
  const completions = [...data.completions].sort(byDate((c) => c.completedOn));
  const boards = new Map<string, BoardState>();
  const stateOf = (boardId: string) => {
    let s = boards.get(boardId);
    if (!s) boards.set(boardId, (s = { board: null, units: new Map(), unitSum: 0, latestUnitDate: null }));
    return s;
  };
  const people = new People();
  let h = 0;
  let c = 0;
  const result = new Map<string, CoverageFigure>();
  for (const date of [...new Set(dates)].sort()) {
    for (; h < headcounts.length && headcounts[h].asOf <= date; h++) {
      const row = headcounts[h];
      const s = stateOf(row.boardId);
      if (row.unitId === null) {
        s.board = row;
        continue;
      }
      s.unitSum += row.employees - (s.units.get(row.unitId)?.employees ?? 0);
      s.units.set(row.unitId, row);
      if (s.latestUnitDate === null || row.asOf > s.latestUnitDate) s.latestUnitDate = row.asOf;
    }
    for (; c < completions.length && completions[c].completedOn <= date; c++) people.add(completions[c]);
    let employees = 0;
    for (const s of boards.values()) {
      employees += s.board && (s.latestUnitDate === null || s.board.asOf >= s.latestUnitDate) ? s.board.employees : s.unitSum;
    }
    result.set(date, { employees, completed: people.size, percent: percentOf(people.size, employees) });
  }
  return dates.map((d) => result.get(d)!);
}

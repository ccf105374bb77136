import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../suppression.js';
import { ENVIRONMENTS, TERTIALS, type Environment } from './categories.js';
import { suppressedCityCounts, type CountableReport } from './counts.js';
import { suppressedTertialEnvironments } from './tertial-suppression.js';

const DAY_IN: Record<string, string> = { T1: '2026-02-10', T2: '2026-06-10', T3: '2026-10-10' };
const hidden = (c: Cell) => typeof c === 'string';

function reports(spec: [board: string, tertial: string, env: Environment, n: number][]): CountableReport[] {
  return spec.flatMap(([boardId, t, environment, n]) => Array.from({ length: n }, () => ({ boardId, occurredOn: DAY_IN[t], type: 'graffiti' as const, environment })));
}

function tables(boardIds: string[], rs: CountableReport[], knownBoards: string[] = [], threshold = 5) {
  const year = suppressedCityCounts(boardIds, rs, threshold, knownBoards);
  return { year, tertials: suppressedTertialEnvironments({ boardIds, reports: rs, threshold, knownBoards, year }) };
}

/**
 * Every sum a reader can form from the year's picture and the tertial tables, as the cells they
 * see, leaving out the boards they know exactly: a sum with exactly one hidden member gives it away.
 */
function sumsSeen(boardIds: string[], t: ReturnType<typeof tables>, knownBoards: string[]): Cell[][] {
  const sums: Cell[][] = [];
  boardIds.forEach((id, b) => {
    if (knownBoards.includes(id)) return;
    for (const env of ENVIRONMENTS) sums.push([...TERTIALS.map((tt) => t.tertials[tt][b].byEnvironment[env]), t.year.boards[b].byEnvironment[env]]);
    for (const tt of TERTIALS) sums.push([...ENVIRONMENTS.map((env) => t.tertials[tt][b].byEnvironment[env]), t.year.boards[b].byTertial[tt]]);
  });
  return sums;
}

describe('[SITUATION] tertial × environment counts cannot be subtracted from the year’s picture', () => {
  it('hides a second tertial when only one would be small: yearly 15 = 6 + 7 + "<5" gives nothing away', () => {
    const boards = ['a', 'b', 'c'];
    const rs = reports([
      ['a', 'T1', 'white_power', 6],
      ['a', 'T2', 'white_power', 7],
      ['a', 'T3', 'white_power', 2],
      ['b', 'T1', 'white_power', 9],
      ['c', 'T2', 'autonomous', 8],
    ]);
    const t = tables(boards, rs);
    expect(t.year.boards[0].byEnvironment.white_power).toBe(15);
    const a = TERTIALS.map((tt) => t.tertials[tt][0].byEnvironment.white_power);
    expect(a[2]).toBe('<5');
    expect(a.filter(hidden).length).toBeGreaterThanOrEqual(2);
    for (const s of sumsSeen(boards, t, [])) expect(s.filter(hidden).length).not.toBe(1);
  });

  it('shows large counts and the tertial totals the year already shows', () => {
    const boards = ['a', 'b'];
    const t = tables(boards, reports([
      ['a', 'T1', 'white_power', 6],
      ['a', 'T1', 'autonomous', 7],
      ['b', 'T2', 'unclear', 9],
    ]));
    expect(t.tertials.T1[0]).toEqual({ total: 13, byEnvironment: { white_power: 6, autonomous: 7, violent_islamist: 0, unclear: 0 } });
    expect(t.tertials.T2[1].byEnvironment.unclear).toBe(9);
    expect(t.tertials.T3[0].total).toBe(0);
  });

  it('never leaves exactly one hidden member in a sum the reader can form, whatever the counts and known boards', () => {
    const board = fc.constantFrom('a', 'b', 'c', 'd');
    const spec = fc.array(fc.tuple(board, fc.constantFrom(...TERTIALS), fc.constantFrom(...ENVIRONMENTS), fc.integer({ min: 1, max: 9 })), { maxLength: 14 });
    fc.assert(
      fc.property(spec, fc.subarray(['a', 'b', 'c', 'd'], { maxLength: 2 }), fc.integer({ min: 2, max: 6 }), (s, knownBoards, threshold) => {
        const boards = ['a', 'b', 'c', 'd'];
        const t = tables(boards, reports(s), knownBoards, threshold);
        for (const sum of sumsSeen(boards, t, knownBoards)) expect(sum.filter(hidden).length).not.toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dedupeCompletions } from './dedupe.js';

const c = (line: number, employeeKey: string, course: string | null, completedOn: string, unit = 'u1') => ({
  line,
  employeeKey,
  course,
  completedOn,
  unit,
});

describe('dedupeCompletions', () => {
  it('counts the same person and course once, keeping the earliest completion', () => {
    const r = dedupeCompletions([
      c(2, '1', 'Grundkurs', '2019-05-01'),
      c(3, '2', 'Grundkurs', '2019-05-01'),
      c(4, '1', 'grundkurs ', '2019-03-01', 'u2'),
      c(5, '1', 'Grundkurs', '2019-06-01'),
      c(6, '1', 'Fördjupning', '2019-06-01'),
      c(7, '2', null, '2019-06-01'),
      c(8, '2', null, '2019-07-01'),
    ]);
    expect(r.rows).toEqual([
      c(4, '1', 'grundkurs ', '2019-03-01', 'u2'),
      c(3, '2', 'Grundkurs', '2019-05-01'),
      c(6, '1', 'Fördjupning', '2019-06-01'),
      c(7, '2', null, '2019-06-01'),
    ]);
    expect(r.merged).toBe(3);
    expect(r.duplicates).toEqual([
      { line: 2, keptLine: 4 },
      { line: 5, keptLine: 4 },
      { line: 8, keptLine: 7 },
    ]);
  });

  it('keeps the first row when dates are equal', () => {
    const r = dedupeCompletions([c(2, 'A', 'K', '2019-01-01'), c(3, 'A', 'K', '2019-01-01')]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.duplicates).toEqual([{ line: 3, keptLine: 2 }]);
  });

  it('property: one row per key and course, rows + merged = input, earliest date kept', () => {
    const arb = fc.array(
      fc.record({
        employeeKey: fc.constantFrom('1', '2', '3', '4'),
        course: fc.constantFrom('A', 'B', null),
        completedOn: fc.integer({ min: 1, max: 28 }).map((d) => `2019-01-${String(d).padStart(2, '0')}`),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const rows = raw.map((r, i) => ({ ...r, line: i + 2 }));
        const out = dedupeCompletions(rows);
        expect(out.rows.length + out.merged).toBe(rows.length);
        const pairs = new Set(out.rows.map((r) => `${r.employeeKey}|${r.course}`));
        expect(pairs.size).toBe(out.rows.length);
        for (const kept of out.rows) {
          const same = rows.filter((r) => r.employeeKey === kept.employeeKey && r.course === kept.course);
          expect(kept.completedOn).toBe(same.map((r) => r.completedOn).sort()[0]);
        }
      }),
    );
  });

  it('a completion beats a row that only says the course is started, whatever the dates', () => {
    const rows = [
      { line: 2, employeeKey: 'E1', course: null, completedOn: '2019-03-01', started: true },
      { line: 3, employeeKey: 'E1', course: null, completedOn: '2019-09-04', started: false },
      { line: 4, employeeKey: 'E2', course: null, completedOn: '2019-02-01', started: false },
      { line: 5, employeeKey: 'E2', course: null, completedOn: '2019-01-01', started: true },
      { line: 6, employeeKey: 'E3', course: null, completedOn: '2019-05-01', started: true },
      { line: 7, employeeKey: 'E3', course: null, completedOn: '2019-04-01', started: true },
    ];
    const out = dedupeCompletions(rows);
    expect(out.rows.map((r) => [r.employeeKey, r.line, r.started])).toEqual([
      ['E1', 3, false],
      ['E2', 4, false],
      ['E3', 7, true],
    ]);
    expect(out.merged).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { readDelimitedText, isTableError } from '../training/tabular.js';
import { parseContextTable } from './context-indicators.js';
import { missingHeadings, normaliseSections } from './analysis.js';
import { commentProblem } from './status.js';

const parse = (text: string) => {
  const t = readDelimitedText(text);
  if (isTableError(t)) throw new Error(t.error.message);
  return parseContextTable(t);
};

describe('parseContextTable (Kolada CSV)', () => {
  it('reads KPI id, municipality, year and value, keeping totals and skipping gaps and gender rows', () => {
    const r = parse(['kpi;municipality;period;gender;value', 'N00945;0180;2024;T;12,5', 'N00945;0180;2024;K;13', 'N00945;0180;2023;T;', 'U00405;Stockholm;2025;T;71'].join('\n'));
    if ('error' in r) throw new Error(r.error.message);
    expect(r.values.map(({ kpiId, municipality, year, value }) => ({ kpiId, municipality, year, value }))).toEqual([
      { kpiId: 'N00945', municipality: '0180', year: 2024, value: 12.5 },
      { kpiId: 'U00405', municipality: 'Stockholm', year: 2025, value: 71 },
    ]);
    expect(r.skipped.map((s) => s.line)).toEqual([3, 4]);
    expect(r.errors).toEqual([]);
  });
  it('accepts Swedish headers and merges duplicates (the later line wins)', () => {
    const r = parse(['KPI-id,Nyckeltal,Kommun,År,Värde', 'N1,Andel,Stockholm,2024,1', 'N1,Andel,Stockholm,2024,2'].join('\n'));
    if ('error' in r) throw new Error(r.error.message);
    expect(r.values).toHaveLength(1);
    expect(r.values[0]).toMatchObject({ value: 2, title: 'Andel', line: 3 });
    expect(r.duplicates).toEqual([2]);
  });
  it('names every bad row by its line', () => {
    const r = parse(['kpi;kommun;år;värde', ';Stockholm;2024;1', 'N1;Stockholm;20x4;1', 'N1;Stockholm;2024;mycket'].join('\n'));
    if ('error' in r) throw new Error(r.error.message);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(r.errors[2].message).toBe('Rad 4: värdet ”mycket” är inget tal.');
  });
  it('says which column is missing', () => {
    const r = parse('kpi;kommun;värde\nN1;Sthlm;1');
    expect('error' in r && r.error.message).toMatch(/Kolumnen för år/);
  });
});

describe('analysis headings and comments', () => {
  it('lists empty headings and normalises', () => {
    expect(missingHeadings({ general: 'x', targeted: ' ' })).toEqual(['targeted', 'individual', 'effects', 'training', 'situation', 'collaboration', 'next_year']);
    expect(normaliseSections({ general: ' a ' }).general).toBe('a');
    expect(normaliseSections({}).next_year).toBe('');
  });
  it('asks for a comment on delayed and cancelled activities', () => {
    expect(commentProblem('delayed', ' ')).toMatch(/försenad/);
    expect(commentProblem('cancelled', null)).toMatch(/avbröts/);
    expect(commentProblem('done', null)).toBeNull();
  });
});

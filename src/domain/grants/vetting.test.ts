import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, followUpYear, vet, type Criterion } from './vetting.js';

const STOCKHOLM: Criterion[] = DEFAULT_CRITERIA.map(({ key, label, active, required }) => ({ key, label, active, required }));

describe('grant vetting', () => {
  it('refuses to approve with a failed criterion, naming it', () => {
    const out = vet(STOCKHOLM, [{ key: 'democracy', result: 'pass' }, { key: 'no_violence', result: 'fail' }], 'approved');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.code).toBe('approval_refused');
    expect(out.message).toContain('Tar avstånd från våld är inte uppfyllt');
    expect(out.problems).toEqual([{ field: 'criteria.1.result', message: 'Kriteriet Tar avstånd från våld är inte uppfyllt.' }]);
  });

  it('names every failed criterion', () => {
    const out = vet(STOCKHOLM, [{ key: 'democracy', result: 'fail' }, { key: 'gender_equality', result: 'fail' }], 'approved');
    expect(!out.ok && out.message).toContain('Demokrati och mänskliga rättigheter och Jämställdhet är inte uppfyllt');
  });

  it('refuses to approve with an unclear criterion: the doubt is investigated first', () => {
    const out = vet(STOCKHOLM, [{ key: 'democracy', result: 'pass' }, { key: 'gender_equality', result: 'unclear' }], 'approved');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems).toEqual([{ field: 'criteria.1.result', message: 'Kriteriet Jämställdhet är oklart: utred det innan ansökan beviljas.' }]);
  });

  it('refuses to approve without the required criterion assessed as passed', () => {
    const out = vet(STOCKHOLM, [{ key: 'gender_equality', result: 'pass' }], 'approved');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toContain('Demokrati och mänskliga rättigheter måste bedömas som uppfyllt');
  });

  it('approves with the required criterion passed, listing the others as not assessed', () => {
    const out = vet(STOCKHOLM, [{ key: 'democracy', result: 'pass', comment: ' Stadgar granskade ' }], 'approved');
    expect(out).toEqual({
      ok: true,
      failed: [],
      record: [
        { key: 'democracy', label: 'Demokrati och mänskliga rättigheter', result: 'pass', comment: 'Stadgar granskade' },
        { key: 'gender_equality', label: 'Jämställdhet', result: 'not_assessed', comment: null },
        { key: 'non_discrimination', label: 'Icke-diskriminering', result: 'not_assessed', comment: null },
        { key: 'no_violence', label: 'Tar avstånd från våld', result: 'not_assessed', comment: null },
      ],
    });
  });

  it('a municipality that marks every criterion as required must have them all assessed', () => {
    const strict = STOCKHOLM.map((c) => ({ ...c, required: true }));
    expect(vet(strict, [{ key: 'democracy', result: 'pass' }], 'approved').ok).toBe(false);
    expect(vet(strict, strict.map((c) => ({ key: c.key, result: 'pass' as const })), 'approved').ok).toBe(true);
  });

  it('always allows a rejection, recording the failed criteria', () => {
    const out = vet(STOCKHOLM, [{ key: 'democracy', result: 'fail' }], 'rejected');
    expect(out.ok && out.failed).toEqual(['democracy']);
    expect(vet(STOCKHOLM, [], 'rejected').ok).toBe(true);
  });

  it('refuses unknown, retired and repeated criteria', () => {
    const withRetired = [...STOCKHOLM, { key: 'old_rule', label: 'Gammalt kriterium', active: false, required: false }];
    const out = vet(withRetired, [{ key: 'democracy', result: 'pass' }, { key: 'gang', result: 'pass' }, { key: 'old_rule', result: 'pass' }, { key: 'democracy', result: 'pass' }], 'rejected');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.code).toBe('unknown_criterion');
    expect(out.problems.map((p) => p.field)).toEqual(['criteria.1.key', 'criteria.2.key', 'criteria.3.key']);
    expect(out.problems[0].message).toContain('"gang"');
  });

  it('an inactive criterion is not listed as not assessed', () => {
    const retired = STOCKHOLM.map((c) => (c.key === 'no_violence' ? { ...c, active: false } : c));
    const out = vet(retired, [{ key: 'democracy', result: 'pass' }], 'approved');
    expect(out.ok && out.record.map((r) => r.key)).toEqual(['democracy', 'gender_equality', 'non_discrimination']);
  });

  it('the follow-up is due the year after an approval', () => {
    expect(followUpYear('approved', '2026-05-04')).toBe(2027);
    expect(followUpYear('rejected', '2026-05-04')).toBeNull();
    expect(followUpYear('received', null)).toBeNull();
  });
});

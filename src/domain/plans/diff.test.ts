import { describe, expect, it } from 'vitest';
import eav from './eav-2018.fixture.json';
import { changedActivityFields, diffPlans, normaliseTitle } from './diff.js';
import type { PlanActivity, PlanSection } from './model.js';

function activity(over: Partial<PlanActivity> & { id: string }): PlanActivity {
  return {
    title: `Insats ${over.id}`,
    measureArea: null,
    guidelineElementIds: [],
    responsible: 'Avdelningschef',
    partners: '',
    timeline: 'Under 2018',
    followUp: 'Följs upp i ordinarie verksamhetsuppföljning',
    indicators: [],
    ...over,
  };
}

describe('diffPlans: activities', () => {
  it('reports nothing for identical plans', () => {
    const acts = [activity({ id: 'a' }), activity({ id: 'b' })];
    const d = diffPlans({ activities: acts }, { activities: acts.map((a) => ({ ...a })) });
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.unchanged.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('matches a carried-over activity to its origin even when the title was rewritten', () => {
    const before = activity({ id: '2018-1', title: 'Utbildning i hedersproblematik' });
    const after = activity({
      id: '2019-7',
      title: 'Utbildning i hedersrelaterat våld och förtryck',
      measureArea: 'general',
      timeline: 'Under 2019',
      carriedOverFromActivityId: '2018-1',
      previousYearFinalStatus: 'done',
    });
    const d = diffPlans({ activities: [before] }, { activities: [after] });
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([{ before, after, fields: ['title', 'measureArea', 'timeline'] }]);
  });

  it('matches by id between versions of the same plan', () => {
    const v1 = activity({ id: 'x', title: 'Samverkan i SSPF' });
    const v2 = { ...v1, title: 'Samverkan i SSPF och BRÅ', responsible: 'Stadsdelsdirektör' };
    const d = diffPlans({ activities: [v1] }, { activities: [v2] });
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0].fields).toEqual(['title', 'responsible']);
  });

  it('falls back to the normalised title when neither link nor id matches', () => {
    const before = activity({ id: 'old', title: 'Våldsförebyggande arbete i förskolorna i Rågsved och Hagsätra' });
    const after = activity({ id: 'new', title: '  våldsförebyggande arbete i förskolorna i Rågsved  och Hagsätra.' });
    const d = diffPlans({ activities: [before] }, { activities: [after] });
    // Matched, but the title's wording (case, full stop) is still a visible edit.
    expect(d.changed).toEqual([{ before, after, fields: ['title'] }]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('reports added and removed activities', () => {
    const kept = activity({ id: 'k', title: 'Lokala BRÅ' });
    const dropped = activity({ id: 'd', title: 'MVP i Hagsätra och Rågsved' });
    const fresh = activity({ id: 'f', title: 'Samverkan med trossamfund' });
    const d = diffPlans({ activities: [kept, dropped] }, { activities: [kept, fresh] });
    expect(d.added).toEqual([fresh]);
    expect(d.removed).toEqual([dropped]);
    expect(d.unchanged).toEqual([kept]);
  });

  it('matches each old activity at most once, even with duplicate titles', () => {
    const a1 = activity({ id: 'a1', title: 'Utbildning' });
    const b1 = activity({ id: 'b1', title: 'Utbildning' });
    const b2 = activity({ id: 'b2', title: 'utbildning' });
    const d = diffPlans({ activities: [a1] }, { activities: [b1, b2] });
    expect(d.unchanged).toEqual([b1]);
    expect(d.added).toEqual([b2]);
  });

  it('prefers an explicit carry-over link over a title match', () => {
    const a1 = activity({ id: 'a1', title: 'Samverkan' });
    const a2 = activity({ id: 'a2', title: 'Utbildning' });
    const b = activity({ id: 'b', title: 'Samverkan', carriedOverFromActivityId: 'a2' });
    const d = diffPlans({ activities: [a1, a2] }, { activities: [b] });
    expect(d.changed).toEqual([{ before: a2, after: b, fields: ['title'] }]);
    expect(d.removed).toEqual([a1]);
  });

  it('compares guideline elements as a set and indicators by content; ignores blank-vs-missing text', () => {
    const x = activity({ id: 'x', guidelineElementIds: ['g1', 'g2'], description: '', indicators: [{ kind: 'effect', name: 'Trygghet', target: 70 }] });
    expect(changedActivityFields(x, { ...x, guidelineElementIds: ['g2', 'g1'], description: undefined })).toEqual([]);
    expect(changedActivityFields(x, { ...x, guidelineElementIds: ['g1'] })).toEqual(['guidelineElementIds']);
    expect(changedActivityFields(x, { ...x, indicators: [{ kind: 'effect', name: 'Trygghet', target: 75 }] })).toEqual(['indicators']);
    expect(changedActivityFields(x, { ...x, partners: 'Polisen' })).toEqual(['partners']);
  });

  it('normalises titles for matching', () => {
    expect(normaliseTitle('  Samverkan – med CIVILSAMHÄLLET! ')).toBe('samverkan med civilsamhället');
    expect(normaliseTitle('A\u0308ldreomsorg')).toBe(normaliseTitle('Äldreomsorg'));
  });

  it('diffs the EÅV plan against a revision of it', () => {
    const v2018: PlanActivity[] = eav.activities.map((a, i) => activity({ id: `2018-${i}`, ...a, measureArea: null }));
    const v2019: PlanActivity[] = v2018.slice(1).map((a, i) => ({
      ...a,
      id: `2019-${i}`,
      carriedOverFromActivityId: a.id,
      previousYearFinalStatus: 'done' as const,
      measureArea: i === 0 ? ('general' as const) : null,
    }));
    v2019.push(activity({ id: '2019-new', title: 'Samverkan med fastighetsägare' }));
    const d = diffPlans({ activities: v2018 }, { activities: v2019 });
    expect(d.removed.map((a) => a.id)).toEqual(['2018-0']);
    expect(d.added.map((a) => a.id)).toEqual(['2019-new']);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0].fields).toEqual(['measureArea']);
    expect(d.unchanged).toHaveLength(11);
  });
});

describe('diffPlans: sections', () => {
  const s = (key: string, body: string, title = key): PlanSection => ({ key, title, bodyHtmlOrText: body });

  it('reports changed, added, removed and unchanged section text', () => {
    const d = diffPlans(
      { activities: [], sections: [s('intro', 'Inledning 2018'), s('situation', 'Lägesbild  2018'), s('old', 'Borttagen')] },
      { activities: [], sections: [s('intro', 'Inledning 2019', 'Inledning'), s('situation', 'Lägesbild 2018 '), s('new', 'Ny')] },
    );
    expect(d.sections.changed).toEqual([{ key: 'intro', title: 'Inledning', before: 'Inledning 2018', after: 'Inledning 2019' }]);
    expect(d.sections.unchanged.map((x) => x.key)).toEqual(['situation']);
    expect(d.sections.added.map((x) => x.key)).toEqual(['new']);
    expect(d.sections.removed.map((x) => x.key)).toEqual(['old']);
  });

  it('treats missing section lists as empty', () => {
    const d = diffPlans({ activities: [] }, { activities: [] });
    expect(d.sections).toEqual({ added: [], removed: [], changed: [], unchanged: [] });
  });
});

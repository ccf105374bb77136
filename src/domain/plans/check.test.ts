import { describe, expect, it } from 'vitest';
import eav from './eav-2018.fixture.json';
import { CHECK_ITEM_KEYS, MEASURE_AREA_LABELS_SV, checkPlan, type CheckItemKey, type PlanCheckInput } from './check.js';
import type { PlanActivity } from './model.js';

function activity(over: Partial<PlanActivity> & { id: string }): PlanActivity {
  return {
    title: `Insats ${over.id}`,
    description: 'Beskrivning',
    measureArea: 'general',
    perspective: null,
    guidelineElementIds: ['rl-2016-general'],
    responsible: 'Avdelningschef',
    partners: 'Polisen',
    timeline: 'Under 2019',
    followUp: 'Tertialrapport',
    indicators: [{ kind: 'output', name: 'Antal utbildade' }],
    carriedOverFromActivityId: null,
    previousYearFinalStatus: null,
    ...over,
  };
}

const SECTION_KEYS = ['intro', 'situation', 'follow_up'];

/** A plan that passes every rule. */
function goodPlan(): PlanCheckInput {
  return {
    year: 2019,
    sections: [
      { key: 'intro', title: 'Inledning', bodyHtmlOrText: '<p>Handlingsplanen beskriver …</p>' },
      { key: 'situation', title: 'Lokal lägesbild', bodyHtmlOrText: 'Enkäten 2019 fick 32 svar.' },
      { key: 'follow_up', title: 'Uppföljning', bodyHtmlOrText: 'Följs upp i tertialrapporterna.' },
    ],
    requiredSectionKeys: SECTION_KEYS,
    situationPicture: { present: true, datedYear: 2019 },
    activities: [
      activity({ id: 'a1', measureArea: 'general' }),
      activity({ id: 'a2', measureArea: 'targeted', indicators: [{ kind: 'effect', name: 'Andel som känner sig trygga', baseline: 62, target: 70 }] }),
      activity({ id: 'a3', measureArea: 'individual' }),
    ],
    measureAreaGapExplanations: {},
    requiredActivityFields: ['responsible', 'timeline', 'followUp'],
  };
}

const item = (model: PlanCheckInput, key: CheckItemKey) => checkPlan(model).items.find((i) => i.key === key)!;

describe('checkPlan', () => {
  it('returns the seven items in a fixed order and scores a complete plan 100', () => {
    const r = checkPlan(goodPlan());
    expect(r.items.map((i) => i.key)).toEqual(CHECK_ITEM_KEYS.slice(0, 7));
    expect(CHECK_ITEM_KEYS).toEqual([
      'activities_classified',
      'activities_complete',
      'measure_areas_covered',
      'situation_picture_current',
      'previous_year_status',
      'effect_indicator',
      'required_sections',
      'partner_types',
      'civil_society_strategy',
    ]);
    expect(r.items.every((i) => i.ok)).toBe(true);
    expect(r.score).toBe(100);
    for (const i of r.items) expect(i.message.length).toBeGreaterThan(0);
  });

  it('points each item at the place on the plan page where it is fixed', () => {
    const m = goodPlan();
    m.situationPicture = { present: false, datedYear: null };
    const anchors = Object.fromEntries(checkPlan(m).items.map((i) => [i.key, i.anchor]));
    expect(anchors).toEqual({
      activities_classified: 'insatser',
      activities_complete: 'insatser',
      measure_areas_covered: 'insatsomraden',
      situation_picture_current: 'avsnitt-lagesbild',
      previous_year_status: 'insatser',
      effect_indicator: 'insatser',
      required_sections: 'avsnitt',
    });
  });

  it('scores the share of ok items as an integer, each item weighted equally', () => {
    const m = goodPlan();
    m.situationPicture = { present: false, datedYear: null };
    expect(checkPlan(m).score).toBe(86); // 6 of 7
    m.requiredSectionKeys = ['missing'];
    expect(checkPlan(m).score).toBe(71); // 5 of 7
    const empty: PlanCheckInput = {
      year: 2019,
      sections: [],
      requiredSectionKeys: ['intro'],
      situationPicture: { present: false, datedYear: null },
      activities: [],
      measureAreaGapExplanations: {},
      requiredActivityFields: [],
    };
    const r = checkPlan(empty);
    expect(r.score).toBe(14); // only previous_year_status (nothing carried over)
    expect(Number.isInteger(r.score)).toBe(true);
  });

  describe('activities_classified', () => {
    it('passes when every activity has a measure area', () => {
      expect(item(goodPlan(), 'activities_classified')).toMatchObject({ ok: true, message: 'Alla 3 insatser har ett insatsområde.' });
    });
    it('fails naming the unclassified activities', () => {
      const m = goodPlan();
      m.activities.push(activity({ id: 'x', title: 'Samverkan med civilsamhället', measureArea: null }));
      expect(item(m, 'activities_classified')).toEqual({
        key: 'activities_classified',
        ok: false,
        message: '1 av 4 insatser saknar insatsområde',
        details: ['Samverkan med civilsamhället'],
        anchor: 'insatser',
        targets: [{ label: 'Samverkan med civilsamhället', anchor: 'insats-x' }],
      });
    });
    it('fails for a plan without activities', () => {
      expect(item({ ...goodPlan(), activities: [] }, 'activities_classified')).toMatchObject({ ok: false, message: 'Planen har inga insatser än.' });
    });
  });

  describe('activities_complete', () => {
    it('passes when the required fields are filled', () => {
      expect(item(goodPlan(), 'activities_complete').ok).toBe(true);
    });
    it('fails listing each incomplete activity and its missing fields in Swedish', () => {
      const m = goodPlan();
      m.activities[0] = activity({ id: 'a1', title: 'Utbildning i hedersproblematik', responsible: ' ', followUp: null });
      m.activities[1] = { ...m.activities[1], timeline: undefined };
      const it_ = item(m, 'activities_complete');
      expect(it_.ok).toBe(false);
      expect(it_.message).toBe('2 av 3 insatser saknar uppgifter som anvisningarna kräver');
      expect(it_.details).toEqual(['Utbildning i hedersproblematik: saknar Ansvarig, Uppföljning', 'Insats a2: saknar Tidsplan']);
    });
    it('treats empty lists as missing when the instructions require them', () => {
      const m = goodPlan();
      m.requiredActivityFields = ['guidelineElementIds', 'indicators'];
      m.activities[2] = { ...m.activities[2], guidelineElementIds: [], indicators: [] };
      expect(item(m, 'activities_complete').details).toEqual(['Insats a3: saknar Koppling till riktlinjerna, Indikatorer']);
    });
  });

  describe('measure_areas_covered', () => {
    it('passes when every area has an activity', () => {
      expect(item(goodPlan(), 'measure_areas_covered').ok).toBe(true);
    });
    it('passes when a missing area is explained', () => {
      const m = goodPlan();
      m.activities = m.activities.filter((a) => a.measureArea !== 'individual');
      m.measureAreaGapExplanations = { individual: 'Individärenden hanteras av socialtjänsten enligt rutinen.' };
      expect(item(m, 'measure_areas_covered').ok).toBe(true);
    });
    it('fails naming the uncovered, unexplained areas', () => {
      const m = goodPlan();
      m.activities = m.activities.filter((a) => a.measureArea === 'general');
      m.measureAreaGapExplanations = { targeted: '   ' };
      const r = item(m, 'measure_areas_covered');
      expect(r.ok).toBe(false);
      expect(r.details).toEqual(['Riktade insatser', 'Individinsatser']);
      expect(r.message).toContain('2 av 3 insatsområden');
    });
  });

  describe('situation_picture_current', () => {
    it('passes when present and dated the plan year', () => {
      expect(item(goodPlan(), 'situation_picture_current').ok).toBe(true);
    });
    it('fails when missing, undated or from another year', () => {
      const m = goodPlan();
      m.situationPicture = { present: false, datedYear: null };
      expect(item(m, 'situation_picture_current')).toMatchObject({ ok: false, message: 'Planen saknar lokal lägesbild.' });
      m.situationPicture = { present: true, datedYear: null };
      expect(item(m, 'situation_picture_current').ok).toBe(false);
      m.situationPicture = { present: true, datedYear: 2017 };
      expect(item(m, 'situation_picture_current')).toMatchObject({
        ok: false,
        message: 'Den lokala lägesbilden är från 2017, inte från planens år 2019.',
      });
    });
  });

  describe('previous_year_status', () => {
    it('passes when nothing was carried over', () => {
      expect(item(goodPlan(), 'previous_year_status')).toMatchObject({ ok: true, message: 'Inga insatser är överförda från föregående år.' });
    });
    it('passes when every carried-over activity has a final status', () => {
      const m = goodPlan();
      m.activities[0] = { ...m.activities[0], carriedOverFromActivityId: 'old-1', previousYearFinalStatus: 'ongoing' };
      expect(item(m, 'previous_year_status').ok).toBe(true);
    });
    it('fails naming carried-over activities without a final status', () => {
      const m = goodPlan();
      m.activities[0] = { ...m.activities[0], title: 'MVP i Hagsätra', carriedOverFromActivityId: 'old-1', previousYearFinalStatus: null };
      m.activities[1] = { ...m.activities[1], carriedOverFromActivityId: 'old-2', previousYearFinalStatus: 'done' };
      expect(item(m, 'previous_year_status')).toEqual({
        key: 'previous_year_status',
        ok: false,
        message: '1 av 2 överförda insatser saknar föregående års slutstatus',
        details: ['MVP i Hagsätra'],
        anchor: 'insatser',
        targets: [{ label: 'MVP i Hagsätra', anchor: `insats-${m.activities[0]!.id}` }],
      });
    });
  });

  describe('effect_indicator', () => {
    it('passes with at least one effect indicator', () => {
      expect(item(goodPlan(), 'effect_indicator')).toMatchObject({ ok: true, message: 'Planen har 1 effektindikator.' });
    });
    it('fails with output indicators only, or an effect indicator without a name', () => {
      const m = goodPlan();
      m.activities = m.activities.map((a) => ({ ...a, indicators: [{ kind: 'output', name: 'Antal möten' }] }));
      expect(item(m, 'effect_indicator').ok).toBe(false);
      m.activities[0].indicators.push({ kind: 'effect', name: '  ' });
      expect(item(m, 'effect_indicator').ok).toBe(false);
    });
  });

  describe('required_sections', () => {
    it('passes when every required section has text', () => {
      expect(item(goodPlan(), 'required_sections').ok).toBe(true);
    });
    it('fails for absent sections and sections with only empty markup', () => {
      const m = goodPlan();
      m.sections[1] = { ...m.sections[1], bodyHtmlOrText: '<p>&nbsp;</p><p><br></p>' };
      m.requiredSectionKeys = [...SECTION_KEYS, 'appendix_routine'];
      const r = item(m, 'required_sections');
      expect(r.ok).toBe(false);
      expect(r.details).toEqual(['Lokal lägesbild', 'appendix_routine']);
      expect(r.message).toBe('2 av 4 obligatoriska avsnitt saknar text: Lokal lägesbild, appendix_routine');
      // Each empty section links to its place on the plan page; the item to the first of them.
      expect(r.targets).toEqual([
        { label: 'Lokal lägesbild', anchor: 'avsnitt-situation' },
        { label: 'appendix_routine', anchor: 'avsnitt-appendix_routine' },
      ]);
      expect(r.anchor).toBe('avsnitt-situation');
    });
  });

  it('labels the measure areas in Swedish', () => {
    expect(MEASURE_AREA_LABELS_SV).toEqual({ general: 'Allmänna insatser', targeted: 'Riktade insatser', individual: 'Individinsatser' });
  });
});

describe('the Enskede-Årsta-Vantör plan of 2018', () => {
  const activities: PlanActivity[] = eav.activities.map((a, i) => ({
    id: `eav-2018-${i + 1}`,
    title: a.title,
    measureArea: a.measureArea as PlanActivity['measureArea'],
    guidelineElementIds: [],
    responsible: a.responsible,
    partners: a.partners,
    timeline: a.timeline,
    followUp: a.followUp,
    indicators: [],
  }));
  const model: PlanCheckInput = {
    year: eav.year,
    sections: eav.sections.map((title, i) => ({ key: `s${i + 1}`, title, bodyHtmlOrText: `Text i ${title}.` })),
    requiredSectionKeys: eav.sections.map((_, i) => `s${i + 1}`),
    situationPicture: { present: true, datedYear: 2018 },
    activities,
    measureAreaGapExplanations: {},
    requiredActivityFields: ['responsible', 'timeline', 'followUp'],
  };

  it('fails activities_classified: it groups activities as förebyggande/förhindrande/samverkan, not by measure area', () => {
    expect(activities).toHaveLength(13);
    const r = item(model, 'activities_classified');
    expect(r.ok).toBe(false);
    expect(r.message).toBe('13 av 13 insatser saknar insatsområde');
    expect(r.details).toHaveLength(13);
    expect(r.details).toContain('Våldsförebyggande arbete i förskolorna i Rågsved och Hagsätra');
    expect(r.details).toContain('Samverkan med civilsamhället för att upptäcka och förebygga våldsbejakande extremism');
  });

  it('also fails measure areas and effect indicators, but has complete tables, sections and a current situation picture', () => {
    const r = checkPlan(model);
    const ok = Object.fromEntries(r.items.map((i) => [i.key, i.ok]));
    expect(ok).toEqual({
      activities_classified: false,
      activities_complete: true,
      measure_areas_covered: false,
      situation_picture_current: true,
      previous_year_status: true,
      effect_indicator: false,
      required_sections: true,
    });
    expect(r.score).toBe(57);
  });

  it('has activities without partners, which fails when the instructions require Samverkan', () => {
    const r = item({ ...model, requiredActivityFields: ['partners'] }, 'activities_complete');
    expect(r.ok).toBe(false);
    expect(r.message).toBe('6 av 13 insatser saknar uppgifter som anvisningarna kräver');
  });
});

describe('checkPlan: partner types the instructions require and the civil-society strategy', () => {
  const typeOf = { p1: 'police', p2: 'school', p3: 'social_services', p4: 'faith_community' };
  const withPartners = (...partnerIds: string[][]): PlanCheckInput => ({
    ...goodPlan(),
    activities: goodPlan().activities.map((a, n) => ({ ...a, partnerIds: partnerIds[n] ?? [] })),
    partnerTypes: { required: ['police', 'school', 'social_services'], typeOf },
    civilSocietyStrategy: { present: true },
  });

  it('adds both items after the seven and passes when every required type works on some activity', () => {
    const r = checkPlan(withPartners(['p1'], ['p2', 'p4'], ['p3']));
    expect(r.items.map((i) => i.key)).toEqual([...CHECK_ITEM_KEYS]);
    expect(r.items.every((i) => i.ok)).toBe(true);
    expect(r.score).toBe(100);
  });

  it('names the required partner types no activity has, in Swedish, and lowers the score', () => {
    const r = checkPlan(withPartners(['p1'], ['p4'], []));
    const i = r.items.find((x) => x.key === 'partner_types')!;
    expect(i.ok).toBe(false);
    expect(i.details).toEqual(['Skola', 'Socialtjänst']);
    expect(i.message).toContain('ingen insats har Skola, Socialtjänst');
    expect(r.score).toBe(89); // 8 of 9
  });

  it('counts a partner of an unknown id for nothing', () => {
    expect(checkPlan(withPartners(['gone'], ['p2'], ['p3'])).items.find((x) => x.key === 'partner_types')!.details).toEqual(['Polisen']);
  });

  it('flags a board without a civil-society strategy', () => {
    const m = withPartners(['p1'], ['p2'], ['p3']);
    m.civilSocietyStrategy = { present: false };
    const i = checkPlan(m).items.find((x) => x.key === 'civil_society_strategy')!;
    expect(i.ok).toBe(false);
    expect(i.message).toMatch(/saknar strategi för samverkan med civilsamhället/);
  });

  it('leaves out the partner item when the instructions require no partner types', () => {
    const m = withPartners();
    m.partnerTypes = { required: [], typeOf };
    expect(checkPlan(m).items.map((i) => i.key)).not.toContain('partner_types');
  });
});

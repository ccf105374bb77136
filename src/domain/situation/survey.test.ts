import { describe, expect, it } from 'vitest';
import { aggregateSurvey, checkAnswers, linkState, responseRate, type SurveyQuestion } from './survey.js';

const Q: SurveyQuestion[] = [
  { id: 'yn', kind: 'yes_no', text: 'Ja eller nej?', options: [], multiple: false, required: true },
  { id: 'sc', kind: 'scale', text: 'Hur väl?', options: [], multiple: false, required: false },
  { id: 'one', kind: 'choice', text: 'Ett val', options: ['A', 'B', 'C'], multiple: false, required: false },
  { id: 'many', kind: 'choice', text: 'Flera val', options: ['A', 'B', 'C'], multiple: true, required: false },
  { id: 'tx', kind: 'text', text: 'Fritext', options: [], multiple: false, required: false },
];

describe('checkAnswers', () => {
  it('accepts well-formed answers and normalises them', () => {
    const r = checkAnswers(Q, [
      { questionId: 'yn', value: true },
      { questionId: 'sc', value: 4 },
      { questionId: 'one', value: 2 },
      { questionId: 'many', value: [2, 0, 2] },
      { questionId: 'tx', value: '  Klistermärken vid busshållplatsen.  ' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.personalData).toEqual([]);
    expect(r.answers).toEqual({ yn: true, sc: 4, one: 2, many: [0, 2], tx: 'Klistermärken vid busshållplatsen.' });
  });

  it.each([
    ['yn', 'ja', 'Svara ja eller nej.'],
    ['sc', 6, 'Välj ett värde från 1 till 5.'],
    ['sc', 2.5, 'Välj ett värde från 1 till 5.'],
    ['one', 3, 'Välj bland alternativen.'],
    ['one', [0, 1], 'Välj ett alternativ.'],
    ['many', [-1], 'Välj bland alternativen.'],
    ['tx', 5, 'Skriv svaret som text.'],
    ['tx', 'a very long text', 'Svaret får vara högst 2000 tecken.'],
  ] as const)('refuses %s = %j with a Swedish message', (questionId, given, message) => {
    const value = given === 'a very long text' ? 'x'.repeat(2001) : given;
    const answers = questionId === 'yn' ? [{ questionId, value }] : [{ questionId: 'yn', value: false }, { questionId, value }];
    expect(checkAnswers(Q, answers as never).problems).toContainEqual({ field: `answers.${questionId}`, message });
  });

  it('names a required question left out, unknown and repeated questions', () => {
    const r = checkAnswers(Q, [
      { questionId: 'nope', value: true },
      { questionId: 'sc', value: 3 },
      { questionId: 'sc', value: 4 },
    ]);
    expect(r.problems).toEqual([
      { field: 'answers.nope', message: 'Frågan finns inte i enkäten.' },
      { field: 'answers.sc', message: 'Frågan är besvarad två gånger.' },
      { field: 'answers.yn', message: 'Svara på frågan.' },
    ]);
  });

  it('treats empty text, empty choice and null as no answer', () => {
    const r = checkAnswers(Q, [
      { questionId: 'yn', value: false },
      { questionId: 'tx', value: '   ' },
      { questionId: 'many', value: [] },
      { questionId: 'sc', value: null },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual({ yn: false });
  });

  it.each([
    ['Ring mig på 070-123 45 67', 'telefonnummer'],
    ['Mejla anna.svensson@example.se', 'e-postadress'],
    ['Det hände på Götgatan 14', 'gatuadress'],
    ['Gäller 20051224-0011', 'personnummer'],
  ])('refuses personal data in free text: %s', (text, kind) => {
    const r = checkAnswers(Q, [
      { questionId: 'yn', value: true },
      { questionId: 'tx', value: text },
    ]);
    expect(r.personalData).toHaveLength(1);
    expect(r.personalData[0].field).toBe('answers.tx');
    expect(r.personalData[0].message).toContain(kind);
    expect(r.personalData[0].message).toContain('svaret får inte gå att koppla till en person');
  });
});

describe('aggregateSurvey', () => {
  const responses = [
    ...Array.from({ length: 7 }, () => ({ group: 'preschool' as const, answers: { yn: true, sc: 4, one: 0, many: [0, 1], tx: 'Klotter i tunneln.' } })),
    ...Array.from({ length: 2 }, () => ({ group: 'faith_community' as const, answers: { yn: false, sc: 2, one: 1, many: [1] } })),
  ];

  it('counts exactly inside the board, with texts and means', () => {
    const r = aggregateSurvey(Q, responses, { suppress: false, threshold: 5 });
    expect(r.responses).toBe(9);
    expect(r.byGroup).toEqual([
      { group: 'preschool', count: 7 },
      { group: 'faith_community', count: 2 },
    ]);
    const [yn, sc, one, many, tx] = r.questions;
    expect(yn.counts).toEqual([
      { label: 'yes', count: 7 },
      { label: 'no', count: 2 },
    ]);
    expect(sc.mean).toBe(3.6);
    expect(one.counts.map((c) => c.count)).toEqual([7, 2, 0]);
    expect(many.counts.map((c) => c.count)).toEqual([7, 9, 0]);
    expect(tx.answered).toBe(7);
    expect(tx.texts).toHaveLength(7);
  });

  it('suppresses outside the board: small counts, their partners, means that could reveal them, and all free text', () => {
    const r = aggregateSurvey(Q, responses, { suppress: true, threshold: 5 });
    expect(r.responses).toBe(9);
    expect(r.byGroup.map((g) => g.count)).toEqual(['..', '<5']);
    const [yn, sc, one, many, tx] = r.questions;
    expect(yn.counts.map((c) => c.count)).toEqual(['..', '<5']);
    expect(sc.counts.map((c) => c.count)).toEqual([0, '<5', 0, '..', 0]);
    expect(sc.mean).toBeNull();
    expect(one.counts.map((c) => c.count)).toEqual(['..', '<5', 0]);
    // Multiple choice: counts stand alone (they do not add up to the respondents).
    expect(many.counts.map((c) => c.count)).toEqual([7, 9, 0]);
    expect(tx.texts).toEqual([]);
  });

  it('shows the mean outside the board when nothing in its distribution is hidden', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ group: 'school' as const, answers: { yn: true, sc: i < 5 ? 2 : 4 } }));
    const r = aggregateSurvey(Q, many, { suppress: true, threshold: 5 });
    expect(r.questions[1].mean).toBe(3);
  });
});

describe('links', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it('is open until it expires, is answered once, closes with the survey', () => {
    expect(linkState({ answeredAt: null, expiresAt: '2026-06-02T00:00:00Z' }, 'sent', now)).toBe('open');
    expect(linkState({ answeredAt: null, expiresAt: '2026-06-01T12:00:00Z' }, 'sent', now)).toBe('expired');
    expect(linkState({ answeredAt: '2026-05-30T10:00:00Z', expiresAt: '2026-06-02T00:00:00Z' }, 'sent', now)).toBe('answered');
    expect(linkState({ answeredAt: null, expiresAt: '2026-06-02T00:00:00Z' }, 'closed', now)).toBe('closed');
  });
  it('gives a response rate only for shown counts', () => {
    expect(responseRate(32, 46)).toBe(70);
    expect(responseRate('<5', 46)).toBeNull();
    expect(responseRate(0, 0)).toBeNull();
  });
});

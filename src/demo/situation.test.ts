import { describe, expect, it } from 'vitest';
import { containsPersonalData } from '../domain/personal-data/guard.js';
import { checkAnswers, type SurveyQuestion } from '../domain/situation/survey.js';
import eav from './data/eav-handlingsplan-2018.json' with { type: 'json' };
import { DEMO_NOTES, demoReports, demoSurveyResponses } from './situation.js';

describe('[SITUATION] demo data', () => {
  const reports = demoReports();

  it('holds no personal data: every text passes the guard', () => {
    for (const r of reports) {
      expect(containsPersonalData(r.description), r.description).toBe(false);
      expect(containsPersonalData(r.actionTaken), r.actionTaken).toBe(false);
      expect(containsPersonalData(r.area), r.area).toBe(false);
    }
    for (const n of DEMO_NOTES) expect(containsPersonalData(n.body), n.body).toBe(false);
  });

  it('gives Enskede-Årsta-Vantör about twenty reports a year and smaller boards a few', () => {
    for (const year of ['2024', '2025', '2026']) {
      const eavCount = reports.filter((r) => r.board === 'Enskede-Årsta-Vantör' && r.occurredOn.startsWith(year)).length;
      expect(eavCount).toBeGreaterThanOrEqual(18);
      expect(eavCount).toBeLessThanOrEqual(22);
      const small = reports.filter((r) => r.board === 'Farsta' && r.occurredOn.startsWith(year)).length;
      expect(small).toBeGreaterThan(0);
      expect(small).toBeLessThan(5);
    }
  });

  it('is the same every time', () => {
    expect(demoReports()).toEqual(reports);
  });

  it('has the 2018 survey with the plan’s 32 valid, de-identified responses from its six recipient groups', () => {
    const questions: SurveyQuestion[] = [
      { id: 'q1', kind: 'yes_no', text: '', options: [], multiple: false, required: true },
      { id: 'q2', kind: 'yes_no', text: '', options: [], multiple: false, required: true },
      { id: 'q3', kind: 'choice', text: '', options: ['a', 'b', 'c', 'd'], multiple: true, required: false },
      { id: 'q4', kind: 'scale', text: '', options: [], multiple: false, required: true },
      { id: 'q5', kind: 'yes_no', text: '', options: [], multiple: false, required: true },
      { id: 'q6', kind: 'choice', text: '', options: ['a', 'b', 'c'], multiple: false, required: false },
      { id: 'q7', kind: 'text', text: '', options: [], multiple: false, required: false },
    ] as SurveyQuestion[];
    const responses = demoSurveyResponses(questions);
    expect(responses).toHaveLength(eav.situationPictureFacts.surveyResponses);
    expect(new Set(responses.map((r) => r.group))).toEqual(new Set(['preschool', 'leisure', 'social_services', 'elderly_care', 'property_owner', 'faith_community']));
    for (const r of responses) {
      const checked = checkAnswers(
        questions,
        Object.entries(r.answers).map(([questionId, value]) => ({ questionId, value })),
      );
      expect(checked.problems).toEqual([]);
      expect(checked.personalData).toEqual([]);
    }
    // "Ett fåtal" met people with extremist views; "några" saw graffiti and stickers.
    expect(responses.filter((r) => r.answers.q1 === true)).toHaveLength(5);
    expect(responses.filter((r) => r.answers.q2 === true)).toHaveLength(11);
    expect(responses[0].group).toBe('faith_community');
  });
});

import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import core from '../../web/src/i18n/sv.json';
import coreEn from '../../web/src/i18n/en.json';
import audit from '../../web/src/pages/audit/texts.sv.json';
import auditEn from '../../web/src/pages/audit/texts.en.json';
import { logSentence, type LogEntry } from '../../web/src/pages/audit/sentence.js';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'sv', resources: { sv: { translation: { ...core, ...audit } }, en: { translation: { ...coreEn, ...auditEn } } }, interpolation: { escapeValue: false } });
const sv = i18n.getFixedT('sv');
const en = i18n.getFixedT('en');

const entry = (over: Partial<LogEntry>): LogEntry => ({
  seq: 1,
  at: '2026-03-29T01:00:00Z',
  actorEmail: 'anna@stockholm.example',
  actorName: 'Anna Andersson',
  action: 'plans.update',
  entity: 'plan',
  entityId: null,
  boardName: null,
  summary: {},
  ...over,
});

describe('[WEB] the log in Swedish sentences', () => {
  it.each<[Partial<LogEntry>, string]>([
    [{ action: 'plans.transition', boardName: 'EÅV', summary: { year: 2026, from: 'board_decided', to: 'submitted', version: 1 } }, 'Anna Andersson skickade handlingsplanen 2026 för EÅV till granskning'],
    [{ action: 'plans.transition', boardName: 'Skärholmen', summary: { year: 2026, from: 'in_review', to: 'returned' } }, 'Anna Andersson återremitterade handlingsplanen 2026 för Skärholmen'],
    [{ action: 'plans.create', boardName: 'EÅV', summary: { year: 2027 } }, 'Anna Andersson skapade handlingsplanen 2027 för EÅV'],
    [{ action: 'boards.update', entity: 'board', summary: { from: { name: 'Gamla', code: null }, to: { name: 'Nya nämnden', code: null } } }, 'Anna Andersson ändrade nämnden Nya nämnden'],
    [{ action: 'training.courses.delete', entity: 'training_course', summary: { name: 'Grundkurs VBE', kind: 'basic' } }, 'Anna Andersson tog bort kursen Grundkurs VBE'],
    [{ action: 'concerns.close', entity: 'concern_report', boardName: 'EÅV', summary: { withComment: true } }, 'Anna Andersson avslutade en orosrapport till EÅV'],
    [{ action: 'session.create', entity: 'session', summary: { method: 'password' } }, 'Anna Andersson loggade in'],
    [{ action: 'surveys.update', entity: 'survey', summary: { title: { from: 'Gammal', to: 'Trygghet i centrum' }, questions: 4 } }, 'Anna Andersson ändrade enkäten Trygghet i centrum'],
    // No name on the account: the e-mail address; no actor at all: the system.
    [{ actorName: null, action: 'users.create', entity: 'user', summary: { email: 'ny@stockholm.example', roles: [] } }, 'anna@stockholm.example skapade användaren ny@stockholm.example'],
    [{ actorName: null, actorEmail: null, action: 'situation.demo_seed', entity: 'municipality', summary: {} }, 'Värna lade in demodata i lägesbilden'],
  ])('%o reads "%s"', (over, sentence) => {
    expect(logSentence(entry(over), sv)).toBe(sentence);
  });

  it('an action the tables do not know reads as its label, else its code; an unknown entity by its kind', () => {
    expect(logSentence(entry({ action: 'followup.context.frobnicate', entity: 'context_indicator' }), sv)).toBe('Anna Andersson: followup.context.frobnicate');
    expect(logSentence(entry({ action: 'gadgets.create', entity: 'gadget_thing' }), sv)).toBe('Anna Andersson skapade gadget thing');
    for (const action of Object.keys(core.auditActions)) {
      const s = logSentence(entry({ action, entity: action.split('.')[0] }), sv);
      expect(s, action).toMatch(/^(Anna Andersson|Någon) /);
      expect(s, action).not.toMatch(/auditLog\.|\{\{|undefined|null/);
    }
  });

  it('reads in English with the English texts', () => {
    expect(logSentence(entry({ action: 'plans.transition', boardName: 'EÅV', summary: { year: 2026, to: 'approved' } }), en)).toBe('Anna Andersson approved the action plan 2026 for EÅV');
  });
});

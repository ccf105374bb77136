import { describe, expect, it } from 'vitest';
import { checkDecision, checkRevision, DECIDABLE_STATES } from './decisions.js';
import { PLAN_STATES } from './workflow.js';

const TODAY = '2026-04-21';
const meeting = (over: Partial<{ meetingOn: string; paragraph: string; outcome: 'adopted' | 'sent_back' | 'postponed' }> = {}) => ({
  meetingOn: '2026-04-20',
  paragraph: '§ 8',
  outcome: 'adopted' as const,
  ...over,
});

describe('checkDecision', () => {
  it.each([
    ['adopted', 'draft', 'board_decided'],
    ['sent_back', 'draft', 'draft'],
    ['postponed', 'draft', 'draft'],
    ['adopted', 'returned', 'board_decided'],
    ['sent_back', 'returned', 'draft'],
  ] as const)('%s on a %s plan leaves it %s', (outcome, from, to) => {
    expect(checkDecision(from, meeting({ outcome }), TODAY)).toEqual({ ok: true, to });
  });

  it.each(PLAN_STATES.filter((s) => !DECIDABLE_STATES.includes(s)))('is refused with 409 on a %s plan', (state) => {
    const r = checkDecision(state, meeting(), TODAY);
    expect(r.ok === false && r.status).toBe(409);
  });

  it('tells the writer of an approved plan to start a revision', () => {
    const r = checkDecision('approved', meeting(), TODAY);
    expect(r.ok === false && r.message).toContain('Starta en revidering');
  });

  it('refuses a meeting in the future, a date that does not exist and a paragraph without a number, naming each field', () => {
    expect(checkDecision('draft', meeting({ meetingOn: '2026-04-22' }), TODAY)).toMatchObject({
      ok: false,
      status: 422,
      fields: [{ field: 'meetingOn', message: 'Sammanträdets datum kan inte ligga i framtiden.' }],
    });
    const r = checkDecision('draft', meeting({ meetingOn: '2026-02-30', paragraph: 'paragraf' }), TODAY);
    expect(r.ok === false && r.fields?.map((f) => f.field)).toEqual(['meetingOn', 'paragraph']);
  });

  it('accepts a meeting held today, read in Swedish time', () => {
    // 22:30 UTC on 20 April is 00:30 on 21 April in Stockholm.
    expect(checkDecision('draft', meeting({ meetingOn: '2026-04-21' }), new Date('2026-04-20T22:30:00Z')).ok).toBe(true);
  });
});

describe('checkRevision', () => {
  it('allows one revision of an approved plan at a time', () => {
    expect(checkRevision('approved', false)).toEqual({ ok: true });
    expect(checkRevision('approved', true).ok).toBe(false);
  });
  it.each(PLAN_STATES.filter((s) => s !== 'approved'))('refuses to revise a %s plan', (state) => {
    expect(checkRevision(state, false).ok).toBe(false);
  });
});

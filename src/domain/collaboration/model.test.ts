import { describe, expect, it } from 'vitest';
import { PARTNER_TYPES, PARTNER_TYPE_LABELS_SV, missingPartnerTypes, partnerTypeLabel, reviewState } from './model.js';

describe('reviewState', () => {
  const today = '2026-12-03';
  it('flags an agreement within 60 days of its review date, and on the day itself', () => {
    expect(reviewState({ reviewOn: '2027-02-01', validTo: null }, today)).toBe('due_soon'); // 60 days ahead
    expect(reviewState({ reviewOn: today, validTo: null }, today)).toBe('due_soon');
    expect(reviewState({ reviewOn: '2027-02-02', validTo: null }, today)).toBe('current'); // 61 days ahead
  });
  it('calls a review date passed overdue, and an agreement past its end expired whatever its review date', () => {
    expect(reviewState({ reviewOn: '2026-12-02', validTo: null }, today)).toBe('overdue');
    expect(reviewState({ reviewOn: '2026-12-02', validTo: '2026-12-02' }, today)).toBe('expired');
    expect(reviewState({ reviewOn: '2027-06-01', validTo: today }, today)).toBe('current');
  });
});

describe('missingPartnerTypes', () => {
  const typeOf = { a: 'police', b: 'school', c: 'faith_community' };
  it('lists the required types no activity works with, in the order required, once each', () => {
    expect(missingPartnerTypes(['police', 'school', 'social_services', 'social_services'], [{ partnerIds: ['a'] }, { partnerIds: null }, {}], typeOf)).toEqual([
      'school',
      'social_services',
    ]);
  });
  it('counts unknown partner ids for nothing and is empty when nothing is required', () => {
    expect(missingPartnerTypes(['police'], [{ partnerIds: ['gone'] }], typeOf)).toEqual(['police']);
    expect(missingPartnerTypes([], [], typeOf)).toEqual([]);
  });
});

describe('partner types', () => {
  it('has a Swedish label for every type, and shows an unknown type as itself', () => {
    for (const t of PARTNER_TYPES) expect(PARTNER_TYPE_LABELS_SV[t]).toMatch(/^\p{Lu}/u);
    expect(partnerTypeLabel('police')).toBe('Polisen');
    expect(partnerTypeLabel('gang')).toBe('gang');
  });
});

import { describe, expect, it } from 'vitest';
import { classifyDatePart, classifyIdentityNumber, luhnCheckDigit, luhnValid } from './identity-number.js';

describe('luhnCheckDigit / luhnValid', () => {
  it('computes the check digit of the nine-digit payload', () => {
    // 0·2 + 5 + 1·2 + 2 + 2·2 + 4 + 0·2 + 0 + 1·2 = 19 → 1
    expect(luhnCheckDigit('051224001')).toBe(1);
    // 1·2 + 2 + 1·2 + 2 + … = 18 → 2
    expect(luhnCheckDigit('121212121')).toBe(2);
    // 9·2 = 18 → 1 + 8: digit sums of two-digit products
    expect(luhnCheckDigit('900101123')).toBe(9);
  });

  it('validates whole numbers', () => {
    expect(luhnValid('0512240011')).toBe(true);
    expect(luhnValid('0512240012')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
  });
});

describe('classifyDatePart', () => {
  it.each([
    ['051224', 'personal_identity_number'],
    ['20051224', 'personal_identity_number'],
    ['000229', 'personal_identity_number'], // 2000 was a leap year
    ['040229', 'personal_identity_number'],
    ['19000229', null], // 1900 was not
    ['20230229', null],
    ['850230', null],
    ['850431', null],
    ['851301', null],
    ['850100', null],
    ['830871', 'coordination_number'], // 11 August + 60
    ['20070375', 'coordination_number'],
    ['830892', null], // 32 August + 60
    ['212000', null], // organisation number: "month" 20
    ['17991231', null], // century out of range
    ['12345', null],
  ] as const)('%s → %s', (datePart, expected) => {
    expect(classifyDatePart(datePart)).toBe(expected);
  });
});

describe('classifyIdentityNumber', () => {
  it.each([
    ['20051224-0011', 'personal_identity_number'],
    ['051224-0011', 'personal_identity_number'],
    ['0512240011', 'personal_identity_number'],
    ['200512240011', 'personal_identity_number'],
    ['451015+8761', 'personal_identity_number'],
    ['830871-2341', 'coordination_number'],
    ['051224-0012', 'personal_identity_number'], // wrong check digit: still a personnummer
    ['19900101-1234', 'personal_identity_number'],
    ['850512 - 1239', 'personal_identity_number'],
    ['200512 24 0011', 'personal_identity_number'],
    ['1990-01-01-1234', 'personal_identity_number'],
    ['850512.1239', 'personal_identity_number'],
    ['830871-2340', 'coordination_number'],
    ['212000-0142', null],
    ['2019-09-04', null],
    ['05122-40011', null],
    ['2019-09-04 1430', null], // a date and a time
    ['2018-2019', null],
    ['1 234 567 890', null], // an amount
    ['070-123 45 67', null], // a phone number
    ['85 0512 1239 1', null],
    ['851301-1234', null], // month 13
    ['850230-1234', null], // 30 February
  ] as const)('%s → %s', (written, expected) => {
    expect(classifyIdentityNumber(written)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { checkIndicatorValues, indicatorResult, isTrainingCoverage, normaliseIndicatorValues, toNumber, type ActivityIndicator } from './indicators.js';

const trained: ActivityIndicator = { kind: 'output', name: 'Andel utbildad personal (%)', baseline: 7.8, target: 50 };
const incidents: ActivityIndicator = { kind: 'effect', name: 'Anmälda händelser', baseline: '12', target: '6' };
const done: ActivityIndicator = { kind: 'output', name: 'Rutin antagen', target: 'Ja' };
const free: ActivityIndicator = { kind: 'effect', name: 'Upplevd trygghet' };

describe('toNumber', () => {
  it.each([
    [12, 12],
    ['12,5', 12.5],
    ['1 200', 1200],
    ['80 %', 80],
    ['-3', -3],
    ['−3', -3],
    ['tolv', null],
    ['', null],
    [null, null],
    [Infinity, null],
  ])('%j → %j', (input, expected) => expect(toNumber(input)).toBe(expected));
});

describe('checkIndicatorValues', () => {
  const all = [trained, incidents, done, free];
  it('accepts values for the activity’s own indicators', () => {
    expect(checkIndicatorValues(all, [
      { name: 'Andel utbildad personal (%)', value: 31.5 },
      { name: 'Anmälda händelser', value: '9' },
      { name: 'Rutin antagen', value: 'Ja' },
      { name: 'Upplevd trygghet', value: 'Något bättre enligt enkäten' },
      { name: 'Upplevd trygghet ', value: null },
    ].slice(0, 4))).toEqual([]);
  });
  it.each([
    [[{ name: 'Okänd', value: 1 }], 'indicatorValues.0.name', /ingen indikator som heter ”Okänd”/],
    [[{ name: 'Rutin antagen', value: 'Ja' }, { name: 'Rutin antagen', value: 'Nej' }], 'indicatorValues.1.name', /två gånger/],
    [[{ name: 'Anmälda händelser', value: 'många' }], 'indicatorValues.0.value', /Ange ett tal/],
    [[{ name: 'Andel utbildad personal (%)', value: 1e13 }], 'indicatorValues.0.value', /rimligt tal/],
    [[{ name: 'Upplevd trygghet', value: 'x'.repeat(201) }], 'indicatorValues.0.value', /högst 200 tecken/],
  ])('refuses %j', (values, field, message) => {
    const problems = checkIndicatorValues(all, values);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    expect(problems[0].message).toMatch(message);
  });
  it('stores numbers as numbers and drops empty values', () => {
    expect(normaliseIndicatorValues([{ name: ' A ', value: '12,5' }, { name: 'B', value: null }, { name: 'C', value: ' Ja ' }, { name: 'D', value: '' }])).toEqual([
      { name: 'A', value: 12.5 },
      { name: 'C', value: 'Ja' },
    ]);
  });
});

describe('indicatorResult', () => {
  it.each<[ActivityIndicator, number | string | null, string]>([
    [trained, 50, 'achieved'],
    [trained, 49.9, 'not_achieved'],
    [incidents, 6, 'achieved'],
    [incidents, '5', 'achieved'],
    [incidents, 7, 'not_achieved'],
    [done, 'ja', 'achieved'],
    [done, 'Nej', 'not_achieved'],
    [free, 'Bättre', 'not_comparable'],
    [trained, null, 'no_value'],
    [trained, '', 'no_value'],
  ])('%j with %j → %s', (indicator, value, expected) => expect(indicatorResult(indicator, value)).toBe(expected));
});

describe('isTrainingCoverage', () => {
  it.each([
    [{ name: 'Andel medarbetare som genomfört grundutbildningen (%)' }, true],
    [{ name: 'Utbildningstäckning, socialtjänsten' }, true],
    [{ name: 'Medarbetare som gått utbildningen', target: '80 %' }, true],
    [{ name: 'Antal utbildningstillfällen', target: '4' }, false],
    [{ name: 'Andel anhöriga som upplever att stödet hjälpt (%)' }, false],
  ])('%j → %s', (indicator, expected) => expect(isTrainingCoverage(indicator)).toBe(expected));
});

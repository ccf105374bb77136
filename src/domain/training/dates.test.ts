import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, excelSerialToIso, isoToExcelSerial, parseDate, readDateCell } from './dates.js';

describe('parseDate', () => {
  it.each([
    ['2019-09-04', '2019-09-04'],
    [' 2019-9-4 ', '2019-09-04'],
    ['2019-09-04 13:45', '2019-09-04'],
    ['2019-09-04 13:45:10', '2019-09-04'],
    ['2019-09-04T13:45:00Z', '2019-09-04'],
    ['2019-09-04T13:45:00.000+02:00', '2019-09-04'],
    ['20190904', '2019-09-04'],
    ['2019/09/04', '2019-09-04'],
    ['2019.09.04', '2019-09-04'],
    ['04.09.2019', '2019-09-04'],
    ['4.9.2019', '2019-09-04'],
    ['43712', '2019-09-04'],
    ['43712.75', '2019-09-04'],
    ['43712,5', '2019-09-04'],
    ['2020-02-29', '2020-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    '', '   ', '4/9/2019', '09/04/2019', '2019-02-29', '2019-13-01', '2019-00-10', '2019-04-31', '20191301',
    'igår', 'sept 4 2019', '2019-09-04x', '0', '-5', '60', '1900-02-29',
  ])('rejects %j', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('Excel serials', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [43466, '2019-01-01'],
    [43712, '2019-09-04'],
    [2958465, '9999-12-31'],
  ])('%d = %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it('has no 1900-02-29 (Excel’s leap-year bug) and nothing out of range', () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });

  it('round-trips every date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = excelSerialToIso(serial)!;
        expect(isoToExcelSerial(iso)).toBe(serial);
        expect(parseDate(iso)).toBe(iso);
        expect(parseDate(iso.replace(/-/g, ''))).toBe(iso);
      }),
    );
  });
});

describe('date arithmetic', () => {
  it('counts days across leap years and adds them', () => {
    expect(daysBetween('2019-09-04', '2020-09-04')).toBe(366);
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });
});

describe('readDateCell', () => {
  it('explains missing, invalid and implausible dates in Swedish', () => {
    expect(readDateCell('43712', 'Slutdatum')).toEqual({ date: '2019-09-04' });
    expect(readDateCell('', 'Slutdatum')).toEqual({ error: 'Slutdatum saknas.' });
    expect(readDateCell('4/9/2019', 'Slutdatum')).toEqual({
      error: 'Slutdatum ”4/9/2019” är inte ett giltigt datum. Använd till exempel 2019-09-04.',
    });
    expect(readDateCell('2019', 'Datum')).toEqual({
      error: 'Datum ”2019” tolkas som 1905-07-11, vilket inte är rimligt. Använd till exempel 2019-09-04.',
    });
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inspectXlsx, MAX_XLSX_CELLS, MAX_XLSX_ROWS, SheetCounter } from './xlsx-guard.js';
import { billionLaughs, buildZip, SHEET_END, SHEET_START, workbookZip, xlsxBomb } from './test-zips.js';
import { isTableError, readTable } from '../training/tabular.js';
import { xlsxFile } from '../training/test-files.js';

describe('inspectXlsx', () => {
  it('passes a real workbook and counts the rows and cells of each sheet', async () => {
    const v = await inspectXlsx(await xlsxFile([['Förvaltning', 'Enhet', 'Antal'], ['Farsta', 'IFO', 310], ['Farsta', 'Förskola', 870]]));
    // xlsxFile adds a second sheet with one cell.
    expect(v).toEqual({ ok: true, worksheetRows: [3, 1], cells: 10 });
  });

  it('refuses a zip without a workbook part (a Word document named .xlsx)', async () => {
    const v = await inspectXlsx(buildZip([{ name: 'word/document.xml', content: '<w:document/>' }]));
    expect(v).toMatchObject({ ok: false, status: 'invalid', problem: 'not_a_workbook', message: expect.stringContaining('ingen Excel-arbetsbok') });
  });

  it('says a damaged zip cannot be read as a workbook', async () => {
    const v = await inspectXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    expect(v).toMatchObject({ ok: false, status: 'invalid', problem: 'damaged', message: expect.stringContaining('kunde inte läsas som en Excel-arbetsbok') });
  });

  it('gives a workbook 64 MB inflated, less than other archives: 70 MB of real-looking rows are too large', async () => {
    const honest = await inspectXlsx(xlsxBomb(70));
    expect(honest).toMatchObject({ ok: false, status: 'too_large', message: expect.stringContaining('64 MB') });
  });

  it(`refuses more than ${MAX_XLSX_ROWS.toLocaleString('en')} rows or ${MAX_XLSX_CELLS.toLocaleString('en')} cells (exceljs builds each) with 413`, async () => {
    // Numbered rows and varied values compress like a real sheet (well under 100 times).
    const rows = (n: number, cells: (r: number) => string) =>
      workbookZip({ content: SHEET_START + Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${cells(i)}</row>`).join('') + SHEET_END });
    const manyRows = await inspectXlsx(rows(MAX_XLSX_ROWS + 1, () => ''));
    expect(manyRows).toMatchObject({ ok: false, status: 'too_large', problem: 'too_many_rows', message: expect.stringContaining('CSV') });
    const cellsPerRow = 20;
    const manyCells = await inspectXlsx(
      rows(MAX_XLSX_CELLS / cellsPerRow + 1, (r) => Array.from({ length: cellsPerRow }, (_, c) => `<c><v>${(r * 7919 + c * 104729) % 100003}</v></c>`).join('')),
    );
    expect(manyCells).toMatchObject({ ok: false, status: 'too_large', problem: 'too_many_cells' });
    const atLimit = await inspectXlsx(rows(1000, () => '<c><v>1</v></c>'));
    expect(atLimit).toMatchObject({ ok: true, worksheetRows: [1000], cells: 1000 });
  });
});

describe('SheetCounter', () => {
  const xml =
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row><row r="2"/><x:row r="3"><x:c><x:v>1</x:v></x:c></x:row>' +
    '<rowBreaks count="1"/><cols><col min="1"/></cols><conditionalFormatting/></sheetData>';

  it('counts row and cell start tags in any namespace prefix, and nothing that merely starts with r or c', () => {
    const c = new SheetCounter();
    c.push(Buffer.from(xml));
    c.end();
    expect([c.rows, c.cells]).toEqual([3, 3]);
  });

  it('counts the same however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: xml.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set([0, ...cuts, xml.length])].sort((a, b) => a - b);
        const c = new SheetCounter();
        for (let i = 1; i < points.length; i++) c.push(Buffer.from(xml.slice(points[i - 1], points[i])));
        c.end();
        expect([c.rows, c.cells]).toEqual([3, 3]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readTable runs the guard before exceljs', () => {
  it('refuses a bomb, an entity expansion and an oversized workbook with the guard’s message', async () => {
    const bomb = await readTable(xlsxBomb(1700), 'deltagare.xlsx');
    expect(isTableError(bomb) && bomb.error).toEqual({ line: 0, message: expect.stringContaining('för stor') });
    const laughs = await readTable(workbookZip({ content: `${billionLaughs()}<worksheet><sheetData/></worksheet>` }), 'deltagare.xlsx');
    expect(isTableError(laughs) && laughs.error.message).toContain('DOCTYPE');
  });

  it('refuses a sheet with far more rows than the import takes before building it', async () => {
    const content = SHEET_START + Array.from({ length: 12_001 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join('') + SHEET_END;
    const r = await readTable(workbookZip({ content }), 'plan.xlsx', { maxRows: 2000 });
    expect(isTableError(r) && r.error.message).toMatch(/^Filen har fler än 2\s000 rader/);
  });
});

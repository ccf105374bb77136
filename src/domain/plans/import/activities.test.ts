import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import eav from '../../../demo/data/eav-handlingsplan-2018.json' with { type: 'json' };
import { textFile, toDelimited, xlsxFile, type TextEncoding } from '../../training/test-files.js';
import { MAX_ACTIVITY_ROWS, parseActivityFile, parseMeasureArea } from './activities.js';
import { countRows, inspectXlsx } from '../../uploads/xlsx-guard.js';
import { SHEET_END, SHEET_START, workbookZip, xlsxBomb } from '../../uploads/test-zips.js';

const HEADER = ['Insats', 'Ansvarig aktör', 'Samverkan', 'Tidsplan', 'Uppföljning'];
const EAV_ROWS = eav.activities.map((a) => [a.title, a.responsible, a.partners, a.timeline, a.followUp]);

const csv = (rows: (string | number)[][], encoding: TextEncoding = 'utf8', sep = ';') => textFile(toDelimited(rows, sep), encoding);

describe('parseActivityFile: good files', () => {
  it.each<[string, TextEncoding, string]>([
    ['UTF-8, semicolons', 'utf8', ';'],
    ['UTF-8 with BOM, commas', 'utf8-bom', ','],
    ['Windows-1252, semicolons', 'win1252', ';'],
    ['UTF-16 with BOM, tabs', 'utf16le-bom', '\t'],
  ])('reads the 13 EÅV activities from CSV (%s) with å, ä and ö intact', async (_, encoding, sep) => {
    const r = await parseActivityFile(csv([HEADER, ...EAV_ROWS], encoding, sep), 'plan.csv');
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(13);
    expect(r.rows.map((x) => x.activity.title)).toEqual(eav.activities.map((a) => a.title));
    expect(r.rows[2].activity.partners).toBe('Idrottsförvaltningens-, kulturförvaltningens och utbildningsförvaltningens ansvariga för bokning av lokaler');
    expect(r.rows[0].activity).not.toHaveProperty('partners'); // empty → left out
    expect(r.rows.map((x) => x.line)).toEqual(Array.from({ length: 13 }, (_, i) => i + 2));
  });

  it('reads the same activities from XLSX', async () => {
    const r = await parseActivityFile(await xlsxFile([HEADER, ...EAV_ROWS]), 'plan.xlsx');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.activity.title)).toEqual(eav.activities.map((a) => a.title));
    expect(r.rows[12].line).toBe(14);
  });

  it('accepts English headers in any order, measure areas and descriptions, and ignores unknown columns', async () => {
    const file = csv([
      ['Follow-up', 'Notes', 'Timeline', 'Measure area', 'Description', 'Responsible', 'Activity', 'Partners'],
      ['Enkät', 'intern', 'Hösten 2019', 'Allmän', 'Alla enheter', 'Förvaltningen', 'Lägesbildsenkät', 'Polisen'],
      ['Protokoll', '', '2019', 'Riktade insatser', '', 'Fältassistenter', 'Fältarbete', ''],
      ['Journal', '', '2019', 'individ', '', 'Socialtjänsten', 'Avhopparstöd', ''],
      ['Möte', '', '2019', '', '', 'Samordnaren', 'Oklassad', ''],
    ]);
    const r = await parseActivityFile(file, 'a.csv');
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual(['Notes']);
    expect(r.rows.map((x) => x.activity)).toEqual([
      { title: 'Lägesbildsenkät', description: 'Alla enheter', measureArea: 'general', responsible: 'Förvaltningen', partners: 'Polisen', timeline: 'Hösten 2019', followUp: 'Enkät' },
      { title: 'Fältarbete', measureArea: 'targeted', responsible: 'Fältassistenter', timeline: '2019', followUp: 'Protokoll' },
      { title: 'Avhopparstöd', measureArea: 'individual', responsible: 'Socialtjänsten', timeline: '2019', followUp: 'Journal' },
      { title: 'Oklassad', responsible: 'Samordnaren', timeline: '2019', followUp: 'Möte' },
    ]);
  });

  it('reads the EÅV tables as printed: "Tidspan", "Förebyggande insats", and Tabell 3 headed Samverkan … Samverkan', async () => {
    const t1 = await parseActivityFile(csv([['Förebyggande insats', 'Ansvarig aktör', 'Samverkan', 'Tidspan', 'Uppföljning'], EAV_ROWS[0]]), 't1.csv');
    expect(t1.rows[0].activity.title).toBe(EAV_ROWS[0][0]);
    const t3 = await parseActivityFile(csv([['Samverkan', 'Ansvarig aktör', 'Samverkan', 'Tidsplan', 'Uppföljning'], EAV_ROWS[10]]), 't3.csv');
    expect(t3.errors).toEqual([]);
    expect(t3.rows[0].activity).toMatchObject({ title: EAV_ROWS[10][0], partners: EAV_ROWS[10][2] });
  });

  it('keeps quoted separators and line breaks, numbering the record by the line it starts on', async () => {
    const text =
      'Insats;Ansvarig;Samverkan;Tidsplan;Uppföljning;Beskrivning\r\n' +
      '"Samverkan; skola och socialtjänst";"Rektor, förskolechef";;2019;"Följs upp ""löpande""";"Rad ett\r\nRad två"\r\n' +
      'Andra;Chef;;2019;Möte;\r\n';
    const r = await parseActivityFile(textFile(text), 'q.csv');
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toEqual({
      line: 2,
      activity: {
        title: 'Samverkan; skola och socialtjänst',
        description: 'Rad ett\nRad två',
        responsible: 'Rektor, förskolechef',
        timeline: '2019',
        followUp: 'Följs upp "löpande"',
      },
    });
    expect(r.rows[1].line).toBe(4);
  });

  it('skips blank rows and rows without any recognised value', async () => {
    const r = await parseActivityFile(csv([HEADER, ['', '', '', '', ''], EAV_ROWS[0], ['', '', '', '', '']]), 'b.csv');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.line)).toEqual([3]);
  });
});

describe('parseActivityFile: broken files', () => {
  it('names the missing columns and the headers the file has', async () => {
    const r = await parseActivityFile(csv([['Namn', 'Ansvarig', 'Datum'], ['x', 'y', 'z']]), 'w.csv');
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].line).toBe(1);
    expect(r.errors[0].message).toContain('insats');
    expect(r.errors[0].message).toContain('tidsplan');
    expect(r.errors[0].message).toContain('”Namn”, ”Ansvarig”, ”Datum”');
  });

  it('gives every bad row its line and reason, and keeps the good rows', async () => {
    const long = 'å'.repeat(2001);
    const r = await parseActivityFile(
      csv([
        HEADER,
        EAV_ROWS[0],
        ['', 'Chef', '', '2019', 'Möte'],
        ['Insats utan ansvarig', '', '', '2019', 'Möte'],
        [long, 'Chef', '', '2019', 'Möte'],
        EAV_ROWS[1],
      ]),
      'e.csv',
    );
    expect(r.rows.map((x) => x.line)).toEqual([2, 6]);
    expect(r.errors).toEqual([
      { line: 3, message: 'Insatsen saknar namn (kolumnen Insats är tom).' },
      { line: 4, message: 'Ansvarig aktör saknas.' },
      { line: 5, message: 'Insats är för lång: 2\u00a0001 tecken, högst 2\u00a0000.' },
    ]);
  });

  it('refuses an unknown measure area with the words that work', async () => {
    const r = await parseActivityFile(csv([[...HEADER, 'Insatsområde'], [...EAV_ROWS[0], 'Förebyggande']]), 'm.csv');
    expect(r.errors).toEqual([{ line: 2, message: 'Okänt insatsområde ”Förebyggande”. Skriv Allmän, Riktad eller Individ, eller lämna rutan tom.' }]);
  });

  it('reports an unclosed quote at its line', async () => {
    const r = await parseActivityFile(textFile('Insats;Ansvarig;Tidsplan;Uppföljning\nA;B;C;D\n"Öppen;B;C;D\nE;F;G;H\n'), 'u.csv');
    expect(r.rows).toEqual([]);
    expect(r.errors[0].line).toBe(3);
    expect(r.errors[0].message).toContain('citattecken');
  });

  it('refuses an empty file and a file with only headers', async () => {
    expect((await parseActivityFile(new Uint8Array(), 'x.csv')).errors[0].message).toBe('Filen är tom.');
    expect((await parseActivityFile(csv([HEADER]), 'x.csv')).errors[0].message).toBe('Filen innehåller rubriker men inga insatser.');
  });
});

describe('parseActivityFile: hostile files', () => {
  it('refuses more than 2,000 rows', async () => {
    const rows = Array.from({ length: MAX_ACTIVITY_ROWS + 1 }, (_, i) => [`Insats ${i}`, 'A', '', '2019', 'B']);
    const r = await parseActivityFile(csv([HEADER, ...rows]), 'many.csv');
    expect(r.rows).toEqual([]);
    expect(r.errors[0].message).toMatch(/fler än 2\s000 rader/);
    const ok = await parseActivityFile(csv([HEADER, ...rows.slice(1)]), 'max.csv');
    expect(ok.rows).toHaveLength(MAX_ACTIVITY_ROWS);
  });

  it('refuses 100,000 CSV rows without parsing them all', async () => {
    const line = 'Insats;Ansvarig;;2019;Möte\n';
    const r = await parseActivityFile(textFile('Insats;Ansvarig;Samverkan;Tidsplan;Uppföljning\n' + line.repeat(100_000)), 'huge.csv');
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([{ line: 0, message: expect.stringMatching(/fler än 2\s000 rader/) }]);
  });

  it('refuses a 100,000-row workbook from its zip directory, before the Excel reader builds it', async () => {
    // Written as Excel writes a sheet (inline strings), without exceljs: building 100,000 rows
    // with it takes longer than the test is allowed on a busy machine.
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const row = (r: number, cells: string[]) => `<row r="${r}">${cells.map((c, i) => cell(`${'ABCDE'[i]}${r}`, c)).join('')}</row>`;
    const rows = [row(1, HEADER), ...Array.from({ length: 100_000 }, (_, i) => row(i + 2, [`Insats ${i}`, 'Ansvarig', '', '2019', 'Möte']))];
    const bytes = workbookZip({ content: SHEET_START + rows.join('') + SHEET_END });
    const guard = await inspectXlsx(bytes);
    expect(guard.ok && guard.worksheetRows[0]).toBe(100_001);
    const r = await parseActivityFile(bytes, 'huge.xlsx');
    expect(r.errors).toEqual([{ line: 0, message: expect.stringMatching(/fler än 2\s000 rader/) }]);
  });

  it('never evaluates formulas: XLSX gives the saved value, CSV keeps = + - @ as text', async () => {
    const x = await parseActivityFile(
      await xlsxFile([
        HEADER,
        [{ formula: 'CONCAT("Utbildning ","2019")', result: 'Utbildning 2019' }, 'Chef', null, '2019', { formula: 'HYPERLINK("http://evil.example","x")' }],
      ]),
      'f.xlsx',
    );
    expect(x.rows).toEqual([]);
    expect(x.errors).toEqual([{ line: 2, message: 'Uppföljning saknas.' }]); // a formula without a saved value is empty
    const x2 = await parseActivityFile(await xlsxFile([HEADER, [{ formula: '1+1', result: 2 }, 'Chef', null, '2019', 'Möte']]), 'f.xlsx');
    expect(x2.rows[0].activity.title).toBe('2');

    const hostile = ['=HYPERLINK("http://evil.example";"klicka")', '+1+1', '-2+3', '@SUM(A1:A2)'];
    const c = await parseActivityFile(csv([HEADER, ...hostile.map((h) => [h, h, h, h, h])]), 'f.csv');
    expect(c.errors).toEqual([]);
    expect(c.rows.map((r) => r.activity.title)).toEqual(hostile);
    expect(c.rows.map((r) => r.activity.followUp)).toEqual(hostile);
  });

  it('refuses a text file renamed .xlsx and a binary file renamed .xlsx with a clear message', async () => {
    const text = await parseActivityFile(csv([HEADER, EAV_ROWS[0]]), 'plan.xlsx');
    expect(text.errors[0].message).toContain('är ingen Excel-arbetsbok');
    const pdfBytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), 0, 1, 2, 3, 0xff, 0xfe]);
    const binary = await parseActivityFile(pdfBytes, 'plan.xlsx');
    expect(binary.rows).toEqual([]);
    expect(binary.errors[0].message).toMatch(/^Filen heter ”\.xlsx” men är ingen Excel-arbetsbok/);
  });

  it('refuses a zip that is not a workbook, a damaged zip and the old .xls format', async () => {
    const docxLike = zip([['word/document.xml', '<w:document/>']]);
    expect((await parseActivityFile(docxLike, 'plan.xlsx')).errors[0].message).toContain('ingen Excel-arbetsbok');
    const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await parseActivityFile(damaged, 'plan.xlsx')).errors[0].message).toContain('kunde inte läsas som en Excel-arbetsbok');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await parseActivityFile(xls, 'plan.xls')).errors[0].message).toContain('gamla Excel-formatet');
  });

  it('refuses a zip bomb, also one whose headers understate its size, before the Excel reader sees it', async () => {
    const honest = await parseActivityFile(xlsxBomb(300), 'bomb.xlsx');
    expect(honest.errors).toEqual([{ line: 0, message: expect.stringContaining('för stor') }]);
    const lying = await parseActivityFile(xlsxBomb(300, { declaredSize: 1000 }), 'bomb.xlsx');
    expect(lying.errors).toEqual([{ line: 0, message: expect.stringContaining('manipulerad') }]);
  });

  it('control characters are removed; no cell ever yields anything but text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 40 }), { minLength: 5, maxLength: 5 }), async (cells) => {
        const r = await parseActivityFile(csv([HEADER, cells]), 'p.csv');
        for (const row of r.rows) {
          for (const value of Object.values(row.activity)) {
            expect(typeof value).toBe('string');
            expect(value).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
          }
        }
        expect(r.rows.length + r.errors.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseMeasureArea', () => {
  it.each([
    ['Allmän', 'general'], ['allmänna insatser', 'general'], ['General', 'general'],
    ['Riktad', 'targeted'], ['RIKTADE', 'targeted'], ['targeted', 'targeted'],
    ['Individ', 'individual'], ['Individinsatser', 'individual'], ['individual', 'individual'],
    ['', undefined], ['  ', undefined], ['Förebyggande', null],
  ])('%s → %s', (raw, expected) => expect(parseMeasureArea(raw)).toBe(expected));
});

describe('countRows', () => {
  it('counts rows in any namespace prefix, empty ones too (exceljs builds them as well)', () => {
    expect(countRows('<sheetData><row r="1"><c/></row><row r="2"/><x:row r="3"><c/></x:row><rowBreaks/></sheetData>')).toBe(3);
  });
});

/** A minimal zip (deflated entries) for hostile-file tests. */
function zip(files: [string, string][], options: { lieAboutSize?: boolean } = {}): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = deflateRawSync(Buffer.from(text));
    const n = Buffer.from(name);
    const size = options.lieAboutSize ? 1000 : Buffer.byteLength(text);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(n.length, 26);
    local.push(h, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}

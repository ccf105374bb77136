import { describe, expect, it } from 'vitest';
import { detectSeparator, isTableError, readTable, type ReadTableResult } from './tabular.js';
import { textFile, toDelimited, xlsxFile } from './test-files.js';

const HEADER = ['Förvaltning', 'Enhet', 'Antal anställda', 'Per datum'];
const ROW = ['Enskede-Årsta-Vantör', 'Äldreomsorg', '612', '2019-09-01'];

interface Shape {
  name: string;
  file: () => Uint8Array | Promise<Uint8Array>;
  filename: string;
  header?: string[];
  rows?: { line: number; cells: string[] }[];
  error?: { line: number; message: RegExp };
}

const shapes: Shape[] = [
  {
    name: 'UTF-8, semicolon, CRLF',
    file: () => textFile(toDelimited([HEADER, ROW])),
    filename: 'anstallda.csv',
    header: HEADER,
    rows: [{ line: 2, cells: ROW }],
  },
  {
    name: 'UTF-8 with BOM (Excel "CSV UTF-8")',
    file: () => textFile(toDelimited([HEADER, ROW]), 'utf8-bom'),
    filename: 'anstallda.csv',
    header: HEADER,
    rows: [{ line: 2, cells: ROW }],
  },
  {
    name: 'Windows-1252 with åäö (Excel "CSV (semikolonavgränsad)")',
    file: () => textFile(toDelimited([HEADER, ['Enskede-Årsta-Vantör', 'Förskola Ängen', '12', '2019-09-01']]), 'win1252'),
    filename: 'anstallda.csv',
    header: HEADER,
    rows: [{ line: 2, cells: ['Enskede-Årsta-Vantör', 'Förskola Ängen', '12', '2019-09-01'] }],
  },
  {
    name: 'UTF-16 LE with BOM, tab-separated (Excel "Unicode text")',
    file: () => textFile(toDelimited([HEADER, ROW], '\t'), 'utf16le-bom'),
    filename: 'anstallda.txt',
    header: HEADER,
    rows: [{ line: 2, cells: ROW }],
  },
  {
    name: 'comma, LF, English headers',
    file: () => textFile('Board,Unit,Employees,As of\nFarsta,Preschool,870,2019-09-01\n'),
    filename: 'headcount.csv',
    header: ['Board', 'Unit', 'Employees', 'As of'],
    rows: [{ line: 2, cells: ['Farsta', 'Preschool', '870', '2019-09-01'] }],
  },
  {
    name: 'tab-separated',
    file: () => textFile(toDelimited([HEADER, ROW], '\t', '\n')),
    filename: 'export.tsv',
    header: HEADER,
    rows: [{ line: 2, cells: ROW }],
  },
  {
    name: 'old Mac line breaks (CR only)',
    file: () => textFile(toDelimited([HEADER, ROW], ';', '\r')),
    filename: 'anstallda.csv',
    header: HEADER,
    rows: [{ line: 2, cells: ROW }],
  },
  {
    name: 'empty lines and separator-only lines are skipped, line numbers stay real',
    file: () => textFile(`\r\n${HEADER.join(';')}\r\n\r\n${ROW.join(';')}\r\n;;;\r\n   \r\nFarsta;IFO;310;2019-09-01\r\n\r\n`),
    filename: 'anstallda.csv',
    header: HEADER,
    rows: [
      { line: 4, cells: ROW },
      { line: 7, cells: ['Farsta', 'IFO', '310', '2019-09-01'] },
    ],
  },
  {
    name: 'quoted fields containing separators, quotes and line breaks',
    file: () =>
      textFile(
        'Förvaltning;Enhet;Antal anställda;Per datum\n' +
          '"Enskede-Årsta-Vantör";"Kultur; fritid och stadsmiljö";96;2019-09-01\n' +
          '"Enskede-Årsta-Vantör";"Enhet ""Norr""\nvåning 2";5;2019-09-01\n' +
          'Farsta;IFO;310;2019-09-01\n',
      ),
    filename: 'anstallda.csv',
    header: HEADER,
    rows: [
      { line: 2, cells: ['Enskede-Årsta-Vantör', 'Kultur; fritid och stadsmiljö', '96', '2019-09-01'] },
      { line: 3, cells: ['Enskede-Årsta-Vantör', 'Enhet "Norr"\nvåning 2', '5', '2019-09-01'] },
      { line: 5, cells: ['Farsta', 'IFO', '310', '2019-09-01'] },
    ],
  },
  {
    name: 'comma-separated with quoted thousands',
    file: () => textFile('Board,Unit,Employees\r\nEÅV,"Preschool, north","1,104"\r\n'),
    filename: 'hc.csv',
    header: ['Board', 'Unit', 'Employees'],
    rows: [{ line: 2, cells: ['EÅV', 'Preschool, north', '1,104'] }],
  },
  {
    name: 'Excel "sep=;" hint line',
    file: () => textFile(`sep=;\r\n${toDelimited([HEADER, ROW])}`),
    filename: 'anstallda.csv',
    header: HEADER,
    rows: [{ line: 3, cells: ROW }],
  },
  {
    name: 'spaces around cells are trimmed',
    file: () => textFile(' Förvaltning ; Enhet ;Antal anställda;Per datum\n Farsta ; IFO ; 310 ;2019-09-01\n'),
    filename: 'anstallda.csv',
    header: HEADER,
    rows: [{ line: 2, cells: ['Farsta', 'IFO', '310', '2019-09-01'] }],
  },
  {
    name: 'an unterminated quote → error on the line where it opens',
    file: () =>
      textFile('Förvaltning;Enhet;Antal anställda;Per datum\nFarsta;IFO;310;2019-09-01\n\nFarsta;"Förskola;870;2019-09-01\nFarsta;Äldre;400;2019-09-01\n'),
    filename: 'anstallda.csv',
    error: { line: 4, message: /citattecken.*stängs aldrig/ },
  },
  {
    name: 'an unterminated quote after a multi-line quoted field → still the right line',
    file: () => textFile('A;B\n"x\ny\nz";1\n2;3\n4;"oops\n5;6\n'),
    filename: 'a.csv',
    error: { line: 6, message: /stängs aldrig/ },
  },
  {
    name: 'a malformed closing quote → error with its line',
    file: () => textFile('A;B\n1;2\n3;"ab"c;4\n'),
    filename: 'a.csv',
    error: { line: 3, message: /fel ställe/ },
  },
  {
    name: 'a .xlsx that is really CSV text',
    file: () => textFile(toDelimited([HEADER, ROW])),
    filename: 'Anställda 2019.XLSX',
    error: { line: 0, message: /heter ”\.xlsx” men är ingen Excel-arbetsbok/ },
  },
  {
    name: 'an old binary .xls',
    file: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    filename: 'anstallda.xls',
    error: { line: 0, message: /gamla Excel-formatet/ },
  },
  {
    name: 'a zip that is not a workbook',
    file: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
    filename: 'anstallda.xlsx',
    error: { line: 0, message: /kunde inte läsas som en Excel-arbetsbok/ },
  },
  {
    name: 'an empty file',
    file: () => new Uint8Array(),
    filename: 'tom.csv',
    error: { line: 0, message: /tom/ },
  },
  {
    name: 'only empty lines',
    file: () => textFile('\r\n\r\n;;\r\n'),
    filename: 'tom.csv',
    error: { line: 0, message: /inga rader/ },
  },
  {
    name: 'a binary file with a .csv name',
    file: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]),
    filename: 'bild.csv',
    error: { line: 0, message: /inte vara en textfil/ },
  },
  {
    name: 'XLSX: numbers, dates, Excel serial numbers, empty rows, formula with cached result',
    file: () =>
      xlsxFile([
        ['Förvaltning', 'Enhet', 'Antal anställda', 'Per datum'],
        ['Enskede-Årsta-Vantör', 'Förskoleavdelningen', 1104, new Date(Date.UTC(2019, 8, 1))],
        [],
        ['Enskede-Årsta-Vantör', 'Äldreomsorgsavdelningen', { formula: '600+12', result: 612 }, 43709],
        ['Enskede-Årsta-Vantör', { formula: 'A1&"x"', result: 'IFOx' }, 398, { formula: 'D2', result: new Date(Date.UTC(2019, 8, 1)) }],
        ['Farsta', 'Ny enhet', { formula: 'C2*2' }, '2019-09-01'],
      ]),
    filename: 'anstallda.xlsx',
    header: HEADER,
    rows: [
      { line: 2, cells: ['Enskede-Årsta-Vantör', 'Förskoleavdelningen', '1104', '2019-09-01'] },
      { line: 4, cells: ['Enskede-Årsta-Vantör', 'Äldreomsorgsavdelningen', '612', '43709'] },
      { line: 5, cells: ['Enskede-Årsta-Vantör', 'IFOx', '398', '2019-09-01'] },
      { line: 6, cells: ['Farsta', 'Ny enhet', '', '2019-09-01'] },
    ],
  },
  {
    name: 'XLSX detected by content even when named .csv, header after empty rows',
    file: () => xlsxFile([[], [], ['Board', 'Unit'], ['Farsta', 'IFO']]),
    filename: 'export.csv',
    header: ['Board', 'Unit'],
    rows: [{ line: 4, cells: ['Farsta', 'IFO'] }],
  },
];

describe('readTable over real-world file shapes', () => {
  it.each(shapes)('$name', async (shape) => {
    const result: ReadTableResult = await readTable(await shape.file(), shape.filename);
    if (shape.error) {
      expect(isTableError(result)).toBe(true);
      if (!isTableError(result)) return;
      expect(result.error.line).toBe(shape.error.line);
      expect(result.error.message).toMatch(shape.error.message);
    } else {
      if (isTableError(result)) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
      expect(result.header).toEqual(shape.header);
      expect(result.rows).toEqual(shape.rows);
    }
  });
});

describe('limits', () => {
  it('refuses more rows than the limit, naming the first line over it', async () => {
    const text = toDelimited([['A', 'B'], ...Array.from({ length: 12 }, (_, i) => [String(i), 'x'])]);
    const result = await readTable(textFile(text), 'a.csv', { maxRows: 10 });
    expect(result).toEqual({ error: { line: 12, message: expect.stringMatching(/fler än 10 rader/) } });
    const ok = await readTable(textFile(text), 'a.csv', { maxRows: 12 });
    expect(isTableError(ok) ? ok.error : ok.rows.length).toBe(12);
  });

  it('refuses an XLSX with more rows than the limit', async () => {
    const file = await xlsxFile([['A'], ...Array.from({ length: 6 }, (_, i) => [i])]);
    const result = await readTable(file, 'a.xlsx', { maxRows: 5 });
    expect(isTableError(result) && result.error.message).toMatch(/fler än 5 rader/);
  });

  it('reads 200,000 rows', async () => {
    const lines = ['Anst.nr;Förvaltning;Enhet;Slutförd'];
    for (let i = 0; i < 200_000; i++) lines.push(`${i};Farsta;IFO;2019-09-01`);
    const result = await readTable(textFile(lines.join('\n')), 'stor.csv');
    expect(isTableError(result) ? result.error : result.rows.length).toBe(200_000);
    const tooMany = await readTable(textFile(lines.join('\n') + '\n1;Farsta;IFO;2019-09-01'), 'stor.csv');
    expect(isTableError(tooMany) && tooMany.error.line).toBe(200_002);
    lines[150_000] = '149999;Farsta;"IFO;2019-09-01';
    const broken = await readTable(textFile(lines.join('\r\n')), 'stor.csv');
    expect(isTableError(broken) && broken.error.line).toBe(150_001);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['a;b;c', ';'],
    ['a,b,c', ','],
    ['a\tb\tc', '\t'],
    ['"Enhet, namn";Antal;Datum', ';'],
    ['"a;b",c,d', ','],
    ['enda kolumnen', ';'],
  ])('%j → %j', (line, sep) => {
    expect(detectSeparator(line)).toBe(sep);
  });
});

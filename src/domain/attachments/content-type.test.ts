import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { safeFileName, sniffContentType } from './content-type.js';
import { JPEG_BYTES, PNG_BYTES, docxShapedZip, odtBytes, storedZip, tinyPdf } from './test-files.js';

const kindOf = (bytes: Uint8Array) => {
  const s = sniffContentType(bytes);
  return s.ok ? s.kind : null;
};

describe('[ATTACHMENTS] content type from the bytes', () => {
  it('recognises a real Word document and a real Excel workbook', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Yttrande')] }] }));
    expect(kindOf(new Uint8Array(docx))).toBe('docx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').addRow(['Åtgärd', 'Status']);
    expect(kindOf(new Uint8Array(await wb.xlsx.writeBuffer()))).toBe('xlsx');
  });

  it.each([
    ['PDF', tinyPdf('Revisionsrapport 2/2019'), 'pdf'],
    ['PNG', PNG_BYTES, 'png'],
    ['JPEG', JPEG_BYTES, 'jpeg'],
    ['ODT (mimetype first, stored)', odtBytes(), 'odt'],
  ])('recognises %s', (_, bytes, kind) => {
    expect(sniffContentType(bytes)).toMatchObject({ ok: true, kind });
  });

  it.each([
    ['a text file', new TextEncoder().encode('Hej, detta är ingen PDF'), /Filtypen tas inte emot/],
    ['a Windows program', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), /Filtypen tas inte emot/],
    ['an HTML page', new TextEncoder().encode('<!doctype html><script>alert(1)</script>'), /Filtypen tas inte emot/],
    ['an SVG image (may carry script)', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), /Filtypen tas inte emot/],
    ['an old .doc / encrypted Office file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /äldre Office-format/],
    ['a zip of other files', storedZip([{ name: 'bild.txt', data: 'x' }]), /Filtypen tas inte emot/],
    ['a Word file with a macro project', docxShapedZip([{ name: 'word/vbaProject.bin', data: 'x' }]), /makron/],
    ['an ODT whose mimetype says spreadsheet', storedZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }]), /Filtypen tas inte emot/],
    ['a zip cut short', docxShapedZip().subarray(0, 60), /går inte att läsa/],
    ['an empty file', new Uint8Array(), /Filtypen tas inte emot/],
  ])('refuses %s with a message saying what to send', (_, bytes, message) => {
    const s = sniffContentType(bytes);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.message).toMatch(message);
  });

  it('does not believe the name: a PDF named .docx is a PDF', () => {
    expect(kindOf(tinyPdf('x'))).toBe('pdf');
    expect(safeFileName('rapport.docx', 'pdf')).toBe('rapport.pdf');
  });
});

describe('[ATTACHMENTS] file names', () => {
  it.each([
    ['Revisionsrapport 2-2019.pdf', 'pdf', 'Revisionsrapport 2-2019.pdf'],
    ['C:\\Users\\anna\\Protokollsutdrag § 9.PDF', 'pdf', 'Protokollsutdrag § 9.pdf'],
    ['../../etc/passwd', 'png', 'passwd.png'],
    ['"evil"\r\nX-Header: 1.pdf', 'pdf', 'evilX-Header 1.pdf'],
    ['', 'docx', 'bilaga.docx'],
    ['bild.jpeg', 'jpeg', 'bild.jpg'],
  ] as const)('%j → %j', (given, kind, expected) => expect(safeFileName(given, kind)).toBe(expected));
});

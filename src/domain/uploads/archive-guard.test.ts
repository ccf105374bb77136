import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, Packer, Paragraph } from 'docx';
import { ARCHIVE_LIMITS, inspectZip, isUnsafeEntryName, XmlSniffer, type ArchiveLimits, type ArchiveVerdict } from './archive-guard.js';
import { billionLaughs, buildZip, workbookZip, xlsxBomb, type ZipFileSpec } from './test-zips.js';
import { xlsxFile } from '../training/test-files.js';

const MB = 1024 * 1024;

function refusal(v: ArchiveVerdict) {
  if (v.ok) throw new Error('the archive was accepted');
  return { status: v.status, problem: v.problem, entry: v.entry };
}

const small: ZipFileSpec[] = [
  { name: '[Content_Types].xml', content: '<?xml version="1.0" encoding="UTF-8"?><Types/>' },
  { name: 'word/document.xml', content: '<?xml version="1.0" encoding="UTF-8"?><w:document/>' },
];

describe('inspectZip: real files pass', () => {
  it('passes a workbook as exceljs writes it and a Word document as docx writes it, measuring every part', async () => {
    const xlsx = await xlsxFile([['Förvaltning', 'Enhet'], ['Enskede-Årsta-Vantör', 'Förskoleavdelningen']]);
    const v = await inspectZip(xlsx);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(v.inflatedBytes).toBe(v.entries.reduce((s, e) => s + e.size, 0));
    expect(v.inflatedBytes).toBeGreaterThan(xlsx.length);

    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Protokoll § 12')] }] }));
    const d = await inspectZip(new Uint8Array(docx));
    expect(d.ok).toBe(true);
  });

  it('passes stored (uncompressed) entries and folders', async () => {
    const v = await inspectZip(buildZip([{ name: 'xl/', content: '' }, { name: 'xl/a.xml', content: '<a/>', stored: true }]));
    expect(v).toEqual({ ok: true, entries: [{ name: 'xl/', size: 0 }, { name: 'xl/a.xml', size: 4 }], inflatedBytes: 4 });
  });
});

describe('inspectZip: bombs', () => {
  it('refuses a 1.7 GB bomb from its declared size with 413, before inflating anything', async () => {
    expect(refusal(await inspectZip(xlsxBomb(1700)))).toEqual({ status: 'too_large', problem: 'too_large', entry: 'xl/worksheets/sheet1.xml' });
  });

  it('refuses a bomb whose headers understate its size as soon as it inflates past the claim (422: the file lies)', async () => {
    expect(refusal(await inspectZip(xlsxBomb(1700, { declaredSize: 5_000 })))).toMatchObject({ status: 'invalid', problem: 'size_mismatch' });
  });

  it('refuses a part that inflates to less than it claims', async () => {
    const v = await inspectZip(buildZip([{ name: 'a.xml', content: '<a/>', declaredSize: 400 }]));
    expect(refusal(v)).toMatchObject({ status: 'invalid', problem: 'size_mismatch' });
  });

  it('zip64: reads the real sizes from the zip64 field, and refuses a zip64 claim that lies or cannot be resolved', async () => {
    expect(refusal(await inspectZip(xlsxBomb(1700, { zip64: true })))).toMatchObject({ status: 'too_large', problem: 'too_large' });
    expect(refusal(await inspectZip(xlsxBomb(1700, { zip64: true, declaredSize: 90 * MB })))).toMatchObject({ status: 'invalid', problem: 'size_mismatch' });
    const ok = await inspectZip(buildZip([{ name: 'a.xml', content: '<a>zip64</a>', zip64: true }]));
    expect(ok).toMatchObject({ ok: true, entries: [{ name: 'a.xml', size: 12 }] });
    const short = await inspectZip(buildZip([{ name: 'a.xml', content: '<a/>', brokenZip64: 'short' }]));
    expect(refusal(short)).toMatchObject({ status: 'invalid', problem: 'damaged' });
    // Without a zip64 field the 0xFFFFFFFF in the header is taken at its word: 4 GB, too large.
    const missing = await inspectZip(buildZip([{ name: 'a.xml', content: '<a/>', brokenZip64: 'missing' }]));
    expect(refusal(missing)).toMatchObject({ status: 'too_large', problem: 'too_large' });
  });

  it('refuses a part that compresses more than 100 times (a real sheet compresses 5–20 times)', async () => {
    // 8 MB of zeros deflate to about 8 KB.
    const v = await inspectZip(buildZip([{ name: 'word/media/image1.bin', content: Buffer.alloc(8 * MB) }]));
    expect(refusal(v)).toEqual({ status: 'too_large', problem: 'compression_ratio', entry: 'word/media/image1.bin' });
    if (!v.ok) expect(v.message).toMatch(/zip-bomb/);
  });

  it('refuses more entries than the limit, and more declared bytes in total than the limit', async () => {
    const limits: ArchiveLimits = { ...ARCHIVE_LIMITS, maxEntries: 3, maxTotalBytes: 1000 };
    const many = buildZip(Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.xml`, content: '<p/>' })));
    expect(refusal(await inspectZip(many, limits))).toMatchObject({ status: 'too_large', problem: 'too_many_entries' });
    const big = buildZip([
      { name: 'a.xml', content: `<a>${'x'.repeat(600)}</a>` },
      { name: 'b.xml', content: `<b>${'y'.repeat(600)}</b>` },
    ]);
    expect(refusal(await inspectZip(big, limits))).toEqual({ status: 'too_large', problem: 'too_large', entry: 'b.xml' });
    expect((await inspectZip(big)).ok).toBe(true);
  });

  it('refuses entries that share their compressed data (the overlapping bomb)', async () => {
    const v = await inspectZip(buildZip([{ name: 'a.xml', content: '<a/>' }, { name: 'b.xml', content: '<a/>', sameDataAs: 0 }]));
    expect(refusal(v)).toMatchObject({ status: 'invalid', problem: 'overlapping_entries' });
  });

  it('keeps its own memory flat: a bomb that claims 99 MB and would inflate 1.7 GB adds far less than 99 MB', async () => {
    const bomb = xlsxBomb(1700, { declaredSize: 99 * MB });
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const v = await inspectZip(bomb);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(refusal(v)).toMatchObject({ problem: 'size_mismatch' });
    expect((peak - before) / MB).toBeLessThan(50);
  });
});

describe('inspectZip: hostile names and parts', () => {
  it.each([
    ['../../etc/passwd'],
    ['xl/../../evil.xml'],
    ['/etc/passwd'],
    ['C:/Windows/win.ini'],
    ['xl\\..\\..\\evil.xml'],
  ])('refuses the entry name %s', async (name) => {
    const v = await inspectZip(buildZip([...small, { name, content: '<x/>' }]));
    expect(refusal(v)).toMatchObject({ status: 'invalid', problem: 'unsafe_name' });
  });

  it('refuses a ../ name hidden in the Unicode Path field behind an innocent header name', async () => {
    const v = await inspectZip(buildZip([{ name: 'xl/styles.xml', content: '<x/>', unicodePath: '../../styles.xml' }]));
    expect(refusal(v)).toMatchObject({ problem: 'unsafe_name', entry: 'xl/styles.xml' });
  });

  it('isUnsafeEntryName lets ordinary Office part names through', () => {
    for (const n of ['[Content_Types].xml', '_rels/.rels', 'xl/worksheets/sheet1.xml', 'word/media/bild..png', 'Pictures/åäö.png']) {
      expect(isUnsafeEntryName(n)).toBe(false);
    }
    expect(isUnsafeEntryName('')).toBe(true);
    expect(isUnsafeEntryName('a\u0000.xml')).toBe(true);
  });

  it('refuses two entries with the same name (readers would disagree on which one counts)', async () => {
    const v = await inspectZip(buildZip([...small, { name: 'WORD/document.xml', content: '<other/>' }]));
    expect(refusal(v)).toMatchObject({ status: 'invalid', problem: 'duplicate_name' });
  });

  it('refuses encrypted entries and compression methods it cannot measure', async () => {
    expect(refusal(await inspectZip(buildZip([{ name: 'a.xml', content: '<a/>', encrypted: true }])))).toMatchObject({ problem: 'encrypted' });
    expect(refusal(await inspectZip(buildZip([{ name: 'a.xml', content: '<a/>', method: 12 }])))).toMatchObject({ problem: 'unsupported_compression' });
  });

  it('refuses a billion laughs in any XML part, in any letter case', async () => {
    const laughs = await inspectZip(workbookZip({ content: `${billionLaughs()}<worksheet>&lol9;</worksheet>` }));
    expect(refusal(laughs)).toEqual({ status: 'invalid', problem: 'xml_declarations', entry: 'xl/worksheets/sheet1.xml' });
    if (!laughs.ok) expect(laughs.message).toMatch(/DOCTYPE/);
    const lower = await inspectZip(buildZip([{ name: 'docProps/core.xml', content: '<?xml version="1.0"?><!entity x "y"><c/>' }]));
    expect(refusal(lower)).toMatchObject({ problem: 'xml_declarations' });
    const rels = await inspectZip(buildZip([{ name: '_rels/.rels', content: '<!DOCTYPE r SYSTEM "http://evil.example/x.dtd"><r/>' }]));
    expect(refusal(rels)).toMatchObject({ problem: 'xml_declarations' });
  });

  it('finds a declaration split across two inflated chunks, far into a part', async () => {
    for (const offset of [64 * 1024 - 4, 64 * 1024 - 1, 3 * 64 * 1024 - 7]) {
      const xml = `<a>${'z'.repeat(offset - 3)}<!DOCTYPE a [<!ENTITY b "c">]></a>`;
      // Stored so the chunk boundaries fall exactly where the test puts them.
      const v = await inspectZip(buildZip([{ name: 'x.xml', content: xml, stored: true }]));
      expect(refusal(v)).toMatchObject({ problem: 'xml_declarations' });
    }
  });

  it('does not look for declarations in parts that are not XML, nor mistake comments and CDATA for them', async () => {
    const v = await inspectZip(
      buildZip([
        { name: 'word/media/logo.svg', content: '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>' },
        { name: 'word/document.xml', content: '<?xml version="1.0"?><!-- kommentar --><w:document><![CDATA[ <!doc ]]></w:document>' },
      ]),
    );
    expect(v.ok).toBe(true);
  });

  it('finds a declaration however the inflated stream is cut, even into chunks of a byte or two', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><a>' + 'x'.repeat(40) + '<!DocType a [<!ENTITY b "c">]><a/>';
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: xml.length }), { maxLength: 40 }), (cuts) => {
        const points = [...new Set([0, ...cuts, xml.length])].sort((a, b) => a - b);
        const sniffer = new XmlSniffer();
        for (let i = 1; i < points.length; i++) sniffer.push(Buffer.from(xml.slice(points[i - 1], points[i])));
        sniffer.end();
        expect(sniffer.problem).toBe('xml_declarations');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses XML that declares an encoding other than UTF-8 (UTF-7 can spell <!DOCTYPE without a "<")', async () => {
    const utf7 = '<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE a+AD4-<a/>';
    expect(refusal(await inspectZip(buildZip([{ name: 'word/styles.xml', content: utf7 }])))).toMatchObject({ problem: 'xml_encoding' });
    const latin = "<?xml version='1.0' encoding='ISO-8859-1'?><a/>";
    expect(refusal(await inspectZip(buildZip([{ name: 'a.xml', content: latin }])))).toMatchObject({ problem: 'xml_encoding' });
    expect((await inspectZip(buildZip([{ name: 'a.xml', content: '<?xml version="1.0" encoding="utf-8" standalone="yes"?><a/>' }]))).ok).toBe(true);
  });

  it('refuses XML parts in UTF-16, where a byte search could not see a declaration', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><a/>', 'utf16le')]);
    expect(refusal(await inspectZip(buildZip([{ name: 'a.xml', content: utf16 }])))).toMatchObject({ problem: 'xml_encoding' });
    const noBom = Buffer.from('<a/>', 'utf16le');
    expect(refusal(await inspectZip(buildZip([{ name: 'a.xml', content: noBom }])))).toMatchObject({ problem: 'xml_encoding' });
  });

  it('refuses what is not a zip at all, or a truncated one, as damaged', async () => {
    const whole = buildZip(small);
    for (const bytes of [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), whole.subarray(0, whole.length - 30), new TextEncoder().encode('Förvaltning;Enhet\n')]) {
      expect(refusal(await inspectZip(bytes))).toMatchObject({ status: 'invalid', problem: 'damaged' });
    }
  });

  it('says what is wrong in Swedish, with what to do', async () => {
    const v = await inspectZip(xlsxBomb(1700));
    expect(v.ok === false && v.message).toBe(
      'Filen blir större än 100 MB när den packas upp och är för stor för att läsas. Spara bara det som behövs i en ny fil och försök igen.',
    );
  });
});

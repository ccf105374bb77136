/**
 * The plan documents opened by real readers: the DOCX is converted to PDF by LibreOffice headless,
 * and both PDFs are read back with pdftotext. Needs `soffice` and `pdftotext` (installed by .ci/run);
 * without them these tests are skipped locally and fail in CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { zipEntries } from '../../domain/uploads/test-zips.js';
import { renderPlanDocx } from './docx.js';
import { EAV_ACTIVITIES, eavDocumentModel } from './eav-model.fixture.js';
import type { PlanDocumentModel } from './model.js';
import { groupActivities, planFileName, planOutline, slug, swedishDate } from './outline.js';
import { planPdfDefinition, renderPlanPdf } from './pdf.js';
import { libreOffice, pdfText } from '../../../test/helpers/readers.js';

/** A DOCX part as text (the document is a zip). */
function docxPart(docx: Buffer, name: string): string {
  const bytes = new Uint8Array(docx);
  const entry = zipEntries(bytes)!.find((e) => e.name === name)!;
  const start = entry.localHeaderOffset + 30 + bytes[entry.localHeaderOffset + 26] + (bytes[entry.localHeaderOffset + 27] << 8) + bytes[entry.localHeaderOffset + 28] + (bytes[entry.localHeaderOffset + 29] << 8);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString('utf8');
}

const classified: PlanDocumentModel = eavDocumentModel({
  status: 'draft',
  statusLabel: 'Utkast',
  decidedOn: null,
  paragraph: null,
  activities: [
    { ...EAV_ACTIVITIES[0], measureArea: 'general', indicators: [{ kind: 'output', name: 'Antal utbildade', baseline: '0', target: '120' }] },
    { ...EAV_ACTIVITIES[8], measureArea: 'individual', indicators: [{ kind: 'effect', name: 'Andel som känner sig trygga i att agera', target: '80 %' }] },
    { ...EAV_ACTIVITIES[4], measureArea: 'targeted', description: 'Skolor i Hagsätra och Rågsved.' },
    EAV_ACTIVITIES[12],
  ],
});

describe('plan outline', () => {
  it('groups activities by measure area in the guidelines’ order, unclassified last, skipping empty groups', () => {
    const tables = groupActivities(classified.activities);
    expect(tables.map((t) => t.caption)).toEqual(['Tabell 1. Allmänna insatser', 'Tabell 2. Riktade insatser', 'Tabell 3. Individinsatser', 'Tabell 4. Ej klassificerade']);
    expect(tables[0].rows[0][4].lines).toEqual(['Följs upp i ordinarie verksamhetsuppföljning', 'Prestationsindikator: Antal utbildade (utgångsläge 0, mål 120)']);
    expect(tables[1].rows[0][0]).toEqual({ heading: EAV_ACTIVITIES[4].title, lines: ['Skolor i Hagsätra och Rågsved.'] });
    expect(tables[2].rows[0][4].lines[1]).toBe('Effektindikator: Andel som känner sig trygga i att agera (mål 80 %)');
    expect(groupActivities(EAV_ACTIVITIES).map((t) => t.caption)).toEqual(['Tabell 1. Ej klassificerade']);
  });

  it('puts the activity chapter before Uppföljning and appendices, and writes the title page', () => {
    const o = planOutline(eavDocumentModel());
    expect(o.chapters.map((c) => c.title)).toEqual([
      'Inledning', 'Lokal lägesbild', 'Förebyggande arbete', 'Förhindrande arbete', 'Samverkan', 'Kompetenshöjande åtgärder/insatser', 'Insatser', 'Uppföljning', 'Bilaga 1 Rutin',
    ]);
    expect(o.titlePage.title).toBe('Lokal handlingsplan mot våldsbejakande extremism 2018');
    expect(o.titlePage.facts).toEqual([
      { label: 'Status', value: 'Godkänd av kommunstyrelsen' },
      { label: 'Nämndens beslut', value: '20 april 2018, § 12' },
      { label: 'Utskriven', value: '2 maj 2018' },
    ]);
    expect(planOutline(classified).titlePage.facts[1].value).toBe('Ännu inte beslutad av nämnden');
    expect(planOutline({ ...classified, sections: [] }).chapters.map((c) => c.title)).toEqual(['Insatser']);
    expect(planOutline({ ...classified, activities: [] }).chapters.find((c) => c.kind === 'activities')).toMatchObject({ intro: 'Planen har inga insatser ännu.', tables: [] });
  });

  it('names files in ASCII and dates in Swedish', () => {
    expect(planFileName({ boardName: 'Enskede-Årsta-Vantör', year: 2018 }, 'docx')).toBe('handlingsplan-enskede-arsta-vantor-2018.docx');
    expect(planFileName({ boardName: 'Hägersten-Älvsjö stadsdelsnämnd', year: 2019 }, 'pdf')).toBe('handlingsplan-hagersten-alvsjo-stadsdelsnamnd-2019.pdf');
    expect(planFileName({ boardName: '"; rm -rf /', year: 2019 }, 'pdf')).toBe('handlingsplan-rm-rf-2019.pdf');
    expect(slug('Östermalm')).toBe('ostermalm');
    expect(swedishDate('2018-12-01')).toBe('1 december 2018');
    expect(swedishDate('okänt')).toBe('okänt');
  });

  it('the PDF definition repeats the table header on every page and has the TOC', () => {
    const def = planPdfDefinition(eavDocumentModel());
    const content = def.content as { table?: { headerRows?: number; dontBreakRows?: boolean }; toc?: unknown; pageOrientation?: string }[];
    const tables = content.filter((c) => c.table && c.table.headerRows === 1);
    expect(tables).toHaveLength(1);
    expect(tables[0].table!.dontBreakRows).toBe(true);
    expect(content.some((c) => c.toc)).toBe(true);
    expect(content.filter((c) => c.pageOrientation).map((c) => c.pageOrientation)).toEqual(['landscape', 'portrait']);
  });

  it('the DOCX has a TOC field, repeated header rows, a page-number footer and no formula or macro', async () => {
    const docx = await renderPlanDocx(eavDocumentModel());
    const xml = docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-1&quot;/);
    expect(xml).toContain('PAGEREF _Toc1'); // entries written with their page references
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(1);
    expect(xml).toContain('w:orient="landscape"');
    const footers = zipEntries(new Uint8Array(docx))!.filter((e) => /^word\/footer\d+\.xml$/.test(e.name)).map((e) => docxPart(docx, e.name));
    expect(footers.some((f) => f.includes('PAGE') && f.includes('NUMPAGES') && f.includes('Sida '))).toBe(true);
    expect(zipEntries(new Uint8Array(docx))!.some((e) => /vbaProject|\.bin$/.test(e.name))).toBe(false);
    expect(xml).not.toMatch(/<w:instrText[^>]*>\s*=/);
  });
});

describe('plan documents opened by LibreOffice and pdftotext', () => {
  let dir: string;
  const text: Record<'pdf' | 'lo', { raw: string; layout: string }> = {} as never;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'varna-plan-'));
    const model = eavDocumentModel({ activities: [...EAV_ACTIVITIES, ...classified.activities.slice(0, 3).map((a) => ({ ...a, title: `${a.title} (klassad)` }))] });
    const pdf = await renderPlanPdf(model);
    writeFileSync(join(dir, 'plan.pdf'), pdf);
    const pdfs = { pdf, lo: await libreOffice(await renderPlanDocx(model), 'docx', 'pdf') };
    for (const key of ['pdf', 'lo'] as const) {
      text[key] = { raw: await pdfText(pdfs[key], { layout: false }), layout: await pdfText(pdfs[key]) };
    }
  }, 180_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it.each(['pdf', 'lo'] as const)('%s: every activity title is there, whole, with å, ä and ö intact', (key) => {
    const flat = text[key].raw.replace(/\s+/g, ' ');
    // pdftotext joins a word hyphenated at a line break ("MVP-" + "metoden" → "MVPmetoden").
    const unhyphenated = flat.replace(/-/g, '');
    for (const a of EAV_ACTIVITIES) expect(unhyphenated).toContain(a.title.replace(/-/g, ''));
    // As the acceptance suite reads it: layout mode, hyphenated breaks joined, spaces removed, first 40 characters.
    const squashed = text[key].layout.replace(/\s+/g, ' ').replace(/-\s/g, '').replace(/ /g, '');
    for (const a of EAV_ACTIVITIES) expect(squashed).toContain(a.title.slice(0, 40).replace(/ /g, ''));
    for (const word of ['Enskede-Årsta-Vantör', 'Lokal handlingsplan mot våldsbejakande extremism 2018', 'Förhindrande arbete', 'Lokal lägesbild', 'Kompetenshöjande åtgärder/insatser', 'Förvaltningens jämställdhetsstrateg']) {
      expect(flat).toContain(word);
    }
    expect(flat).not.toMatch(/[ÃÂ]\S|�/); // no mojibake
  });

  it.each(['pdf', 'lo'] as const)('%s: the table of contents, the grouped tables and their columns', (key) => {
    const flat = text[key].raw.replace(/\s+/g, ' ');
    expect(flat).toContain('Innehåll');
    expect(flat).toMatch(/Insatser\W*\d/); // a TOC entry with its page number
    for (const caption of ['Tabell 1. Allmänna insatser', 'Tabell 2. Riktade insatser', 'Tabell 3. Individinsatser', 'Tabell 4. Ej klassificerade']) expect(flat).toContain(caption);
    for (const column of ['Insats', 'Ansvarig aktör', 'Samverkan', 'Tidsplan', 'Uppföljning']) expect(flat).toContain(column);
    expect(flat).toContain('Prestationsindikator: Antal utbildade (utgångsläge 0, mål 120)');
    expect(text[key].layout).toMatch(/Sida 2 av \d+/);
    // The header row repeats on the page where a table continues.
    const pages = text[key].layout.split('\f');
    expect(pages.filter((p) => /Ansvarig aktör\s+Samverkan\s+Tidsplan\s+Uppföljning/.test(p)).length).toBeGreaterThan(
      pages.filter((p) => /Tabell \d\./.test(p)).length - 1,
    );
  });

  it('the PDF embeds its fonts and reads nothing but them', () => {
    const fonts = execFileSync('pdffonts', [join(dir, 'plan.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(readFileSync(join(dir, 'plan.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { renderReportDocx } from './docx.js';
import { renderReportPdf } from './pdf.js';
import { renderReportXlsx, safeText } from './xlsx.js';
import { renderChartSvg } from './chart-svg.js';
import { barUnits } from './outline.js';
import { sampleReportModel } from './sample-model.fixture.js';

const run = promisify(execFile);

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'varna-report-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return (await run('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'])).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Opens the file in LibreOffice and converts it, as a user's office suite would. CSV is asked for in
 * UTF-8 (44,34,76): LibreOffice before 7.6 writes Windows-1252 when no options are given.
 */
async function libreOffice(file: Buffer, ext: string, to: 'pdf' | 'csv'): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'varna-lo-'));
  try {
    writeFileSync(join(dir, `r.${ext}`), file);
    await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to === 'csv' ? 'csv:Text - txt - csv (StarCalc):44,34,76' : to, '--outdir', dir, join(dir, `r.${ext}`)], { timeout: 120_000 });
    return readFileSync(join(dir, `r.${to}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('[REPORTS] report documents', () => {
  const model = sampleReportModel();

  it('PDF: Swedish letters render and every chapter is there', async () => {
    const text = await pdfText(await renderReportPdf(model));
    for (const s of ['Samlad rapport: arbetet mot våldsbejakande extremism 2026', 'Enskede-Årsta-Vantör', 'Återremitterad', 'Försenad på grund av personalbrist', 'Utbildningstäckning', 'Ingen data ännu', 'Fler medarbetare vet vart de ska vända sig.', 'Sida 1 av']) {
      expect(text).toContain(s);
    }
  });

  it('DOCX opens in LibreOffice with tables, chart numbers and analysis', async () => {
    const text = await pdfText(await libreOffice(await renderReportDocx(model), 'docx', 'pdf'));
    expect(text).toMatch(/Skärholmen\s+Återremitterad\s+2\s+0\s+0/);
    expect(text).toMatch(/Totalt\s+7\s+3\s+2/);
    for (const s of ['Diagram: Insatser per nämnd och status', 'Ingen data ännu', 'Samverkan med polisen har fördjupats.']) expect(text).toContain(s);
  });

  it('XLSX: the first sheet lists every board; LibreOffice reads it', async () => {
    const xlsx = await renderReportXlsx(model);
    const csv = (await libreOffice(xlsx, 'xlsx', 'csv')).toString('utf8');
    expect(csv).toContain('Enskede-Årsta-Vantör,Godkänd,5,3,2');
    expect(csv).toContain('Skärholmen,Återremitterad,2,0,0');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nämnder', 'Insatsområden', 'Försenade', 'Indikatorer', 'Jämförelse', 'Utbildningstäckning', 'Analyser', 'Om rapporten']);
    expect(wb.getWorksheet('Nämnder')!.getCell('C3').value).toBe(5);
    expect(wb.getWorksheet('Utbildningstäckning')!.getCell('A1').value).toBe('Ingen data ännu');
  });

  it('quotes text a spreadsheet would run as a formula', () => {
    expect(safeText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeText('-1+1')).toBe(`'-1+1`);
    expect(safeText('Försenad')).toBe('Försenad');
  });

  it('chart SVG has a title and description and every category', () => {
    const svg = renderChartSvg(model.charts[0]);
    expect(svg).toMatch(/^<svg[^>]*role="img"><title>Insatser per nämnd och status<\/title><desc>/);
    expect(svg).toContain('Skärholmen');
  });

  it('bars stay proportional and never hide a non-zero value', () => {
    expect(barUnits([3, 2], 5, 60)).toEqual([36, 24]);
    expect(barUnits([1, 0], 1000, 60)).toEqual([1, 0]);
    expect(barUnits([0], 0, 60)).toEqual([0]);
  });
});

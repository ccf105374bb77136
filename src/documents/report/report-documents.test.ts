import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { renderReportDocx } from './docx.js';
import { renderReportPdf } from './pdf.js';
import { renderReportXlsx, safeText } from './xlsx.js';
import { renderChartSvg } from './chart-svg.js';
import { barUnits } from './outline.js';
import { sampleReportModel } from './sample-model.fixture.js';
import { libreOffice, pdfText } from '../../../test/helpers/readers.js';

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

  it('chart SVG has a title and description and every category', async () => {
    const svg = await renderChartSvg(model.charts[0]);
    expect(svg).toMatch(/^<svg[^>]*role="img"><title>Insatser per nämnd och status<\/title><desc>/);
    expect(svg).toContain('Skärholmen');
  });

  it('bars stay proportional and never hide a non-zero value', () => {
    expect(barUnits([3, 2], 5, 60)).toEqual([36, 24]);
    expect(barUnits([1, 0], 1000, 60)).toEqual([1, 0]);
    expect(barUnits([0], 0, 60)).toEqual([0]);
  });
});

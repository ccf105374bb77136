/**
 * The board or city report as an Excel workbook: the first sheet "Nämnder" lists every board with
 * plan status and activity counts; further sheets hold measure areas, every activity, delayed
 * activities, indicators, the year-over-year comparison, context indicators, the other
 * capabilities' sections and the analyses. Values are typed numbers or text, never formulas, and
 * text that a spreadsheet would read as a formula is quoted.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../libraries.js';
import type { ReportModel, ReportTable } from './model.js';
import { NO_DATA_YET } from './model.js';

/** A cell starting with = + - @ (or a tab/CR) is formula injection in a spreadsheet: prefix it. */
export function safeText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  let n = 2;
  while (used.has(base.toLowerCase())) base = `${name.slice(0, 28)} ${n++}`;
  used.add(base.toLowerCase());
  return base;
}

function addTable(ws: ExcelJS.Worksheet, table: ReportTable, startRow: number): number {
  let r = startRow;
  ws.getCell(r, 1).value = table.caption;
  ws.getCell(r, 1).font = { bold: true, size: 12, color: { argb: 'FF1F4E79' } };
  r++;
  const header = ws.getRow(r);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: c.numeric ? 'right' : 'left' };
  });
  r++;
  const rows = table.totals ? [...table.rows, table.totals] : table.rows;
  for (const [k, values] of rows.entries()) {
    const row = ws.getRow(r++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v === null ? null : typeof v === 'number' ? v : safeText(v);
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (table.totals && k === rows.length - 1) cell.font = { bold: true };
    });
  }
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, Math.min(60, 6 + 8 * (c.weight ?? 1)));
  });
  return r + 1;
}

function tableSheet(wb: ExcelJS.Workbook, used: Set<string>, name: string, tables: ReportTable[], empty?: string) {
  const ws = wb.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: tables.length === 1 ? 2 : 0 }] });
  if (tables.length === 0) {
    ws.getCell(1, 1).value = empty ?? NO_DATA_YET;
    ws.getColumn(1).width = 60;
    return ws;
  }
  let r = 1;
  for (const t of tables) r = addTable(ws, t, r);
  return ws;
}

export async function renderReportXlsx(model: ReportModel): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Värna';
  wb.title = model.title;
  wb.subject = model.subtitle;
  wb.created = new Date(`${model.generatedOn}T12:00:00Z`);
  const used = new Set<string>();
  // First sheet: every board, as the acceptance check (and the city coordinator) expects.
  tableSheet(wb, used, 'Nämnder', [model.boards]);
  tableSheet(wb, used, 'Insatsområden', [model.measureAreas]);
  if (model.activities) tableSheet(wb, used, 'Insatser', [model.activities], 'Inga insatser.');
  tableSheet(wb, used, 'Försenade', model.delayed.rows.length ? [model.delayed] : [], 'Inga insatser är försenade.');
  tableSheet(wb, used, 'Indikatorer', model.indicators.rows.length ? [model.indicatorSummary, model.indicators] : [], 'Inga indikatorer med rapporterade värden.');
  tableSheet(wb, used, 'Jämförelse', model.yearOverYear ? [model.yearOverYear] : [], 'Ingen uppföljning från föregående år att jämföra med.');
  if (model.contextIndicators) tableSheet(wb, used, 'Kontextindikatorer', model.contextIndicators.rows.length ? [model.contextIndicators] : [], 'Inga nyckeltal är importerade.');
  for (const ext of model.external) tableSheet(wb, used, ext.title, ext.available ? ext.tables : [], NO_DATA_YET);
  const analyses: ReportTable = {
    caption: model.scope === 'city' ? 'Nämndernas analyser' : 'Samlad analys',
    columns: [
      { key: 'board', label: 'Nämnd', weight: 2 },
      { key: 'period', label: 'Period', weight: 2 },
      { key: 'state', label: 'Status', weight: 2 },
      { key: 'heading', label: 'Rubrik', weight: 3 },
      { key: 'text', label: 'Text', weight: 6 },
    ],
    rows: model.analyses.flatMap((a) => a.sections.map((s) => [a.boardName, a.periodLabel, a.stateLabel, s.title, s.text])),
  };
  tableSheet(wb, used, 'Analyser', analyses.rows.length ? [analyses] : [], 'Ingen samlad analys är skriven för året.');
  const about = wb.addWorksheet(sheetName('Om rapporten', used));
  [[model.title], [model.subtitle], [model.municipality], ...(model.summary ? [[], ['Sammanfattning'], [model.summary]] : []), [], [model.basis], [`Framtagen ur Värna ${model.generatedOn}`], [], ...model.keyFigures.map((k) => [k.label, k.value])].forEach((r) =>
    about.addRow(r.map((v) => safeText(String(v)))),
  );
  about.getColumn(1).width = 60;
  about.getColumn(2).width = 20;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

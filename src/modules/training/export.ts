/**
 * Coverage as files: an XLSX workbook (boards, units, priority groups, trend) and the trend chart
 * as SVG (ECharts, rendered on the server; the pages show the same figures in a table beside it).
 */
import type ExcelJS from 'exceljs';
import { loadEcharts, loadExcelJS } from '../../libraries.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import type { Database } from '../../db/database.js';
import { exportData } from './coverage.service.js';

const STATUS_SV = { reached: 'Målet nått', below: 'Under målet', lagging: 'Långt efter', no_data: 'Uppgift saknas' } as const;
const KIND_SV = { web_basic: 'Webbaserad grundutbildning', advanced: 'Fördjupning', lecture: 'Föreläsning' } as const;

function sheetWithTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; key: string; width: number; percent?: boolean }[],
  rows: Record<string, unknown>[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.percent ? { numFmt: '0.0' } : undefined }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function coverageWorkbook(opts: { db: Database; actor: ServiceActor; courseId?: string; asOf?: string }) {
  const d = await exportData(opts);
  const boardName = new Map(d.ctx.boards.map((b) => [b.id, b.name]));
  const unitName = new Map(d.ctx.units.map((u) => [u.id, u.name]));
  const byBoard = new Map(d.coverage.boards.map((b) => [b.boardId, b]));

  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Värna';
  workbook.created = new Date();

  const about = workbook.addWorksheet('Om rapporten');
  about.columns = [{ width: 28 }, { width: 70 }];
  about.addRows([
    ['Utbildningstäckning', d.ctx.course.name],
    ['Typ av utbildning', KIND_SV[d.ctx.course.kind]],
    ['Per datum', d.asOf],
    ['Mål (andel av alla anställda, %)', d.target.percent],
    ['Anställda', d.coverage.total.employees],
    ['Har genomgått utbildningen', d.coverage.total.completed],
    ['Andel (%)', d.coverage.total.percent],
    [],
    ['Så räknas det', 'Anställda = senaste personalstatistiken per enhet på eller före datumet. Genomförda = olika personer som slutfört kursen senast datumet; samma person räknas en gång.'],
  ]);
  about.getColumn(1).font = { bold: true };

  sheetWithTable(
    workbook,
    'Nämnder',
    [
      { header: 'Nämnd', key: 'board', width: 34 },
      { header: 'Anställda', key: 'employees', width: 12 },
      { header: 'Genomfört', key: 'completed', width: 12 },
      { header: 'Andel (%)', key: 'percent', width: 11, percent: true },
      { header: 'Mål (%)', key: 'target', width: 9 },
      { header: 'Status', key: 'status', width: 16 },
      { header: 'Personalstatistik per', key: 'headcountAsOf', width: 20 },
    ],
    d.ctx.boards.map((b) => {
      const f = byBoard.get(b.id);
      return {
        board: b.name,
        employees: f?.employees ?? 0,
        completed: f?.completed ?? 0,
        percent: f?.percent ?? null,
        target: d.target.percent,
        status: STATUS_SV[d.statusOf(f?.percent ?? null)],
        headcountAsOf: f?.headcountAsOf ?? null,
      };
    }),
  );

  sheetWithTable(
    workbook,
    'Enheter',
    [
      { header: 'Nämnd', key: 'board', width: 30 },
      { header: 'Enhet', key: 'unit', width: 40 },
      { header: 'Anställda', key: 'employees', width: 12 },
      { header: 'Genomfört', key: 'completed', width: 12 },
      { header: 'Andel (%)', key: 'percent', width: 11, percent: true },
      { header: 'Status', key: 'status', width: 16 },
    ],
    d.coverage.units
      .map((u) => ({
        board: boardName.get(u.boardId) ?? '',
        unit: unitName.get(u.unitId) ?? '',
        employees: u.employees,
        completed: u.completed,
        percent: u.percent,
        status: STATUS_SV[d.statusOf(u.percent)],
      }))
      .sort((a, b) => a.board.localeCompare(b.board, 'sv') || a.unit.localeCompare(b.unit, 'sv')),
  );

  sheetWithTable(
    workbook,
    'Prioriterade grupper',
    [
      { header: 'År', key: 'year', width: 8 },
      { header: 'Grupp', key: 'name', width: 36 },
      { header: 'Anställda', key: 'employees', width: 12 },
      { header: 'Genomfört', key: 'completed', width: 12 },
      { header: 'Andel (%)', key: 'percent', width: 11, percent: true },
    ],
    d.groups,
  );

  sheetWithTable(
    workbook,
    'Utveckling',
    [
      { header: 'Datum', key: 'date', width: 14 },
      { header: 'Anställda', key: 'employees', width: 12 },
      { header: 'Genomfört', key: 'completed', width: 12 },
      { header: 'Andel (%)', key: 'percent', width: 11, percent: true },
    ],
    d.trend,
  );

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const slug = d.ctx.course.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return { buffer, filename: `utbildningstackning-${slug}-${d.asOf}.xlsx` };
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The share over time with the target as a line, as an SVG image (its data is in the table beside it). */
export async function trendSvg(opts: { db: Database; actor: ServiceActor; courseId?: string; asOf?: string; boardId?: string; language?: 'sv' | 'en' }) {
  const d = await exportData(opts);
  const en = opts.language === 'en';
  const title = `${en ? 'Share who completed' : 'Andel som genomgått'} ${d.ctx.course.name}${d.boardName ? ` – ${d.boardName}` : ''}`;
  const chart = (await loadEcharts()).init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 320 });
  chart.setOption({
    animation: false,
    aria: { enabled: false },
    textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif', color: '#0b0c0c' },
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    legend: { top: 4, data: [en ? 'Share (%)' : 'Andel (%)', en ? 'Target (%)' : 'Mål (%)'], textStyle: { color: '#0b0c0c' } },
    xAxis: { type: 'category', data: d.trend.map((p) => p.date), axisLabel: { color: '#0b0c0c', hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#0b0c0c', formatter: '{value} %' } },
    series: [
      { name: en ? 'Share (%)' : 'Andel (%)', type: 'line', data: d.trend.map((p) => p.percent), color: '#1d70b8', lineStyle: { width: 3 }, symbol: 'circle', symbolSize: 6, connectNulls: true },
      {
        name: en ? 'Target (%)' : 'Mål (%)',
        type: 'line',
        data: d.trend.map(() => d.target.percent),
        color: '#b58840',
        lineStyle: { width: 2, type: 'dashed' },
        symbol: 'none',
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // A title for assistive technology when the SVG is opened on its own.
  return svg.replace(/^<svg([^>]*)>/, `<svg$1 role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`);
}

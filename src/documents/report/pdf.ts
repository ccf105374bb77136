/**
 * The board or city report as PDF (pdfmake, A4 landscape, Roboto so å, ä and ö render): the same
 * chapters as the Word document, with bar charts drawn as vector rectangles beside their numbers.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { loadPdfmake } from '../../libraries.js';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { htmlToBlocks, inlineText } from '../html-blocks.js';
import type { ChartSpec, ReportModel, ReportTable } from './model.js';
import { fitColumnWidths, formatCell, reportChapters } from './outline.js';

const ACCENT = '#1F4E79';
const HEADER_FILL = '#DCE6F2';
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
// A4 landscape (841.89 × 595.28 pt) with 2 cm margins.
const MARGIN = 56.7;
const TEXT_WIDTH = 841.89 - 2 * MARGIN;

/** pdfmake is one shared instance (the plan documents use it too): set fonts and policies on every render. */
function configure(pdfmake: Awaited<ReturnType<typeof loadPdfmake>>) {
  pdfmake.addFonts({
    Roboto: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Documents only ever read the bundled fonts; never a URL or another file.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(FONT_DIR));
}

/** Absolute column widths (pdfmake's '*' cannot be weighted), wide enough for each header's longest word; 10 pt of cell padding each. */
function widths(table: ReportTable): number[] {
  const free = TEXT_WIDTH - table.columns.length * 10;
  return fitColumnWidths(table, free, { headerChar: 8 * 0.6, cellChar: 8 * 0.55, pad: 2 });
}

function dataTable(table: ReportTable): Content[] {
  const head = table.headerColumn ?? 0;
  const header: TableCell[] = table.columns.map((c) => ({ text: c.label, bold: true, fillColor: HEADER_FILL, alignment: c.numeric ? 'right' : 'left' }));
  const body: TableCell[][] = table.rows.map((r) => r.map((v, i) => ({ text: formatCell(v), bold: i === head, alignment: table.columns[i].numeric ? 'right' : 'left' })));
  if (table.totals) body.push(table.totals.map((v, i) => ({ text: formatCell(v), bold: true, alignment: table.columns[i].numeric ? 'right' : 'left' })));
  return [
    { text: table.caption, style: 'caption' },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: widths(table), body: [header, ...body] },
      layout: { hLineColor: () => '#8EA9C1', vLineColor: () => '#8EA9C1', hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      style: 'table',
    },
  ];
}

const BAR_HEIGHT = 9;

function chart(spec: ChartSpec): Content[] {
  const totals = spec.categories.map((_, i) => spec.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = spec.stacked ? Math.max(0, ...totals) : Math.max(0, ...spec.series.flatMap((s) => s.values));
  const labelWidth = TEXT_WIDTH * 0.28;
  const barArea = TEXT_WIDTH - labelWidth - 60;
  const scale = max > 0 ? barArea / max : 0;
  const barCanvas = (values: number[], colors: string[]) => {
    let x = 0;
    const rects = values.flatMap((v, k) => {
      if (v <= 0) return [];
      const w = Math.max(1, v * scale);
      const r = { type: 'rect' as const, x, y: 1, w, h: BAR_HEIGHT, color: colors[k] };
      x += w;
      return [r];
    });
    return { canvas: rects.length ? rects : [{ type: 'rect' as const, x: 0, y: 1, w: 0.1, h: BAR_HEIGHT, color: '#FFFFFF' }], width: Math.max(1, x) };
  };
  const body: TableCell[][] = spec.categories.map((category, i) => {
    const rows = spec.stacked
      ? [{ values: spec.series.map((s) => s.values[i] ?? 0), colors: spec.series.map((s) => `#${s.color}`), total: totals[i] }]
      : spec.series.map((s) => ({ values: [s.values[i] ?? 0], colors: [`#${s.color}`], total: s.values[i] ?? 0 }));
    return [
      { text: category, alignment: 'right', fontSize: 8 },
      {
        stack: rows.map((r) => {
          const c = barCanvas(r.values, r.colors);
          return { columns: [{ width: c.width, canvas: c.canvas }, { width: 'auto', text: ` ${formatCell(r.total)}${spec.unit ? ` ${spec.unit}` : ''}`, fontSize: 8 }], columnGap: 2 };
        }),
      },
    ];
  });
  return [
    { text: `Diagram: ${spec.title}`, style: 'caption' },
    { text: spec.summary, italics: true, fontSize: 8, margin: [0, 0, 0, 4] },
    { table: { widths: [labelWidth, '*'], body, dontBreakRows: true }, layout: 'noBorders' },
    {
      margin: [0, 4, 0, 10],
      columns: spec.series.map((s) => ({
        width: 'auto',
        columns: [
          { width: 9, canvas: [{ type: 'rect', x: 0, y: 1, w: 8, h: 8, color: `#${s.color}` }] },
          { width: 'auto', text: `${s.name}  `, fontSize: 8 },
        ],
      })),
      columnGap: 8,
    },
  ];
}

function textBlocks(text: string): Content[] {
  return htmlToBlocks(text).map((b) =>
    b.kind === 'list' ? { ul: b.items.map((i) => inlineText(i.inlines)) } : { text: inlineText(b.inlines), bold: b.kind === 'heading', margin: [0, 0, 0, 4] },
  );
}

export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  configure(pdfmake);
  const content: Content[] = [
    { text: model.municipality, bold: true, color: ACCENT, fontSize: 13 },
    { text: model.title, style: 'title' },
    { text: model.subtitle, fontSize: 14, margin: [0, 0, 0, 4] },
    { text: `${model.basis}. Framtagen ur Värna ${model.generatedOn}.`, fontSize: 9, color: '#404040', margin: [0, 0, 0, 8] },
  ];
  for (const chapter of reportChapters(model)) {
    content.push({ text: chapter.title, style: 'h1' });
    if (chapter.kind === 'text') {
      content.push(...textBlocks(chapter.text));
      continue;
    }
    if (chapter.kind === 'keyFigures') {
      content.push(
        ...dataTable({ caption: 'Nyckeltal', columns: [{ key: 'label', label: 'Mått', weight: 3 }, { key: 'value', label: 'Värde', numeric: true }], rows: model.keyFigures.map((k) => [k.label, k.value]) }),
      );
      continue;
    }
    if (chapter.kind === 'analyses') {
      if (model.analyses.length === 0) content.push({ text: chapter.empty });
      for (const a of model.analyses) {
        content.push({ text: `${a.boardName} – ${a.periodLabel}`, style: 'h2' });
        content.push({ text: a.stateLabel, italics: true, margin: [0, 0, 0, 4] });
        for (const s of a.sections) {
          content.push({ text: s.title, style: 'h3' });
          content.push(...textBlocks(s.text));
        }
      }
      continue;
    }
    if (chapter.intro) content.push({ text: chapter.intro, margin: [0, 0, 0, 4] });
    if (chapter.kind === 'table') {
      if (chapter.table.rows.length === 0 && chapter.empty) content.push({ text: chapter.empty });
      else {
        content.push(...dataTable(chapter.table));
        if (chapter.chart) content.push(...chart(chapter.chart));
      }
      continue;
    }
    if (chapter.tables.length === 0 && chapter.empty) content.push({ text: chapter.empty, bold: true });
    for (const t of chapter.tables) content.push(...dataTable(t));
    for (const n of chapter.notes ?? []) content.push({ text: n, fontSize: 8 });
  }
  const doc: TDocumentDefinitions = {
    info: { title: model.title, subject: model.subtitle, creator: 'Värna' },
    language: 'sv-SE',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 22, bold: true, color: ACCENT, margin: [0, 4, 0, 4] },
      h1: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 14, 0, 6] },
      h2: { fontSize: 12, bold: true, color: ACCENT, margin: [0, 10, 0, 3] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 2] },
      caption: { fontSize: 10, bold: true, color: ACCENT, margin: [0, 6, 0, 3] },
      table: { fontSize: 8, margin: [0, 0, 0, 8] },
    },
    footer: (current: number, count: number) => ({
      margin: [MARGIN, 10, MARGIN, 0],
      columns: [
        { text: `${model.title} – ${model.subtitle}`, fontSize: 8, color: '#404040' },
        { text: `Sida ${current} av ${count}`, alignment: 'right', fontSize: 8, color: '#404040' },
      ],
    }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}

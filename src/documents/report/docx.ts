/**
 * The board or city report as a Word document (A4 landscape): title, key figures, tables with a
 * header row repeated on every page, bar charts drawn as shaded table cells (so they render in
 * Word and LibreOffice alike, with the numbers beside every bar), delayed activities with
 * comments, indicators and the boards' analyses. Every value is text; no fields to update.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { ACCENT, BORDER, FONT, HEADER_FILL, NONE } from '../docx-style.js';
import { htmlToBlocks, inlineText } from '../html-blocks.js';
import type { ChartSpec, ReportModel, ReportTable } from './model.js';
import { barUnits, formatCell, reportChapters } from './outline.js';

// A4 landscape with 2 cm margins.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;
const BAR_CHARS = 60;

function columnWidths(table: ReportTable): number[] {
  const weights = table.columns.map((c) => c.weight ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
}

function cell(text: string, width: number, opts: { bold?: boolean; header?: boolean; right?: boolean } = {}): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          style: 'TableText',
          alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: opts.bold || opts.header })],
        }),
    ),
  });
}

function dataTable(table: ReportTable): (Paragraph | Table)[] {
  const widths = columnWidths(table);
  const head = table.headerColumn ?? 0;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(c.label, widths[i], { header: true, right: c.numeric })),
  });
  const rows = table.rows.map(
    (r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(formatCell(v), widths[i], { bold: i === head, right: table.columns[i].numeric })) }),
  );
  if (table.totals) {
    rows.push(new TableRow({ cantSplit: true, children: table.totals.map((v, i) => cell(formatCell(v), widths[i], { bold: true, right: table.columns[i].numeric })) }));
  }
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(table.caption)] }),
    new Table({
      rows: [header, ...rows],
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    }),
    new Paragraph({ children: [] }),
  ];
}

/** A horizontal bar per category: shaded runs of a fixed-width font, the total printed after it. */
function chart(spec: ChartSpec): (Paragraph | Table)[] {
  const totals = spec.categories.map((_, i) => spec.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = spec.stacked ? Math.max(0, ...totals) : Math.max(0, ...spec.series.flatMap((s) => s.values));
  const labelWidth = Math.floor(TEXT_WIDTH * 0.28);
  const barWidth = TEXT_WIDTH - labelWidth;
  const bar = (values: number[], colors: string[], total: number) => {
    const units = barUnits(values, max, BAR_CHARS);
    return new Paragraph({
      style: 'TableText',
      children: [
        ...units.flatMap((u, k) =>
          u > 0 ? [new TextRun({ text: '\u00a0'.repeat(u), font: 'Courier New', size: 16, shading: { type: ShadingType.CLEAR, color: 'auto', fill: colors[k] } })] : [],
        ),
        new TextRun({ text: ` ${formatCell(total)}${spec.unit ? ` ${spec.unit}` : ''}`, size: 16 }),
      ],
    });
  };
  const rows = spec.categories.flatMap((category, i) => {
    const label = new TableCell({ width: { size: labelWidth, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ style: 'TableText', alignment: AlignmentType.RIGHT, children: [new TextRun(category)] })] });
    if (spec.stacked) {
      return [new TableRow({ cantSplit: true, children: [label, new TableCell({ width: { size: barWidth, type: WidthType.DXA }, children: [bar(spec.series.map((s) => s.values[i] ?? 0), spec.series.map((s) => s.color), totals[i])] })] })];
    }
    return [
      new TableRow({
        cantSplit: true,
        children: [
          label,
          new TableCell({
            width: { size: barWidth, type: WidthType.DXA },
            children: spec.series.map((s) => bar([s.values[i] ?? 0], [s.color], s.values[i] ?? 0)),
          }),
        ],
      }),
    ];
  });
  const legend = new Paragraph({
    style: 'TableText',
    children: spec.series.flatMap((s) => [
      new TextRun({ text: '\u00a0\u00a0', font: 'Courier New', size: 16, shading: { type: ShadingType.CLEAR, color: 'auto', fill: s.color } }),
      new TextRun({ text: ` ${s.name}    `, size: 16 }),
    ]),
  });
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(`Diagram: ${spec.title}`)] }),
    new Paragraph({ keepNext: true, style: 'TableText', children: [new TextRun({ text: spec.summary, italics: true })] }),
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [labelWidth, barWidth],
      layout: TableLayoutType.FIXED,
      margins: { top: 10, bottom: 10, left: 60, right: 60 },
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    }),
    legend,
    new Paragraph({ children: [] }),
  ];
}

function textParagraphs(text: string): Paragraph[] {
  return htmlToBlocks(text).map((b) =>
    b.kind === 'list'
      ? new Paragraph({ children: [new TextRun(b.items.map((i) => `• ${inlineText(i.inlines)}`).join('\n'))] })
      : new Paragraph({ children: [new TextRun({ text: inlineText(b.inlines), bold: b.kind === 'heading' })] }),
  );
}

export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: model.municipality, bold: true, size: 26, color: ACCENT })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: model.title, size: 44, bold: true, color: ACCENT })] }),
    new Paragraph({ children: [new TextRun({ text: model.subtitle, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: `${model.basis}. Framtagen ur Värna ${model.generatedOn}.`, size: 20, color: '404040' })] }),
  ];
  for (const chapter of reportChapters(model)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(chapter.title)] }));
    if (chapter.kind === 'keyFigures') {
      children.push(
        ...dataTable({ caption: 'Nyckeltal', columns: [{ key: 'label', label: 'Mått', weight: 3 }, { key: 'value', label: 'Värde', weight: 1, numeric: true }], rows: model.keyFigures.map((k) => [k.label, k.value]) }),
      );
      continue;
    }
    if (chapter.kind === 'analyses') {
      if (model.analyses.length === 0) children.push(new Paragraph({ children: [new TextRun(chapter.empty)] }));
      for (const a of model.analyses) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${a.boardName} – ${a.periodLabel}`)] }));
        children.push(new Paragraph({ children: [new TextRun({ text: a.stateLabel, italics: true })] }));
        for (const s of a.sections) {
          children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(s.title)] }));
          children.push(...(s.text ? textParagraphs(s.text) : [new Paragraph({ children: [new TextRun({ text: '(ej ifyllt)', italics: true })] })]));
        }
      }
      continue;
    }
    if (chapter.intro) children.push(new Paragraph({ children: [new TextRun(chapter.intro)] }));
    if (chapter.kind === 'table') {
      if (chapter.table.rows.length === 0 && chapter.empty) children.push(new Paragraph({ children: [new TextRun(chapter.empty)] }));
      else {
        children.push(...dataTable(chapter.table));
        if (chapter.chart) children.push(...chart(chapter.chart));
      }
      continue;
    }
    if (chapter.tables.length === 0 && chapter.empty) children.push(new Paragraph({ children: [new TextRun({ text: chapter.empty, bold: true })] }));
    for (const t of chapter.tables) children.push(...dataTable(t));
    for (const n of chapter.notes ?? []) children.push(new Paragraph({ children: [new TextRun({ text: n, size: 18 })] }));
  }

  const doc = new Document({
    title: model.title,
    subject: model.subtitle,
    creator: 'Värna',
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 44, bold: true, color: ACCENT }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: ACCENT }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { size: 21, bold: true, color: ACCENT }, paragraph: { spacing: { before: 160, after: 80 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 17 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'FooterText', name: 'Footer Text', basedOn: 'Normal', run: { size: 16, color: '404040' }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'FooterText',
                tabStops: [{ type: 'right', position: TEXT_WIDTH }],
                children: [new TextRun(`${model.title} – ${model.subtitle}`), new TextRun({ children: ['\tSida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

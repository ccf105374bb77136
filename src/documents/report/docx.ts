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
import { ACCENT, FONT } from '../docx-style.js';
import { chartTableXml, placeholder, spliceBlocks, tableXml } from './docx-xml.js';
import { htmlToBlocks, inlineText } from '../html-blocks.js';
import type { ChartSpec, ReportModel, ReportTable } from './model.js';
import { reportChapters } from './outline.js';

// A4 landscape with 2 cm margins.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;

/** Raw table XML (docx-xml.ts), each standing in for a placeholder paragraph until packing. */
class Blocks {
  readonly xml: string[] = [];
  add(xml: string): Paragraph {
    this.xml.push(xml);
    return new Paragraph({ children: [new TextRun(placeholder(this.xml.length - 1))] });
  }
}

function dataTable(blocks: Blocks, table: ReportTable): Paragraph[] {
  return [new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(table.caption)] }), blocks.add(tableXml(table, TEXT_WIDTH)), new Paragraph({ children: [] })];
}

/** A horizontal bar per category: shaded runs of a fixed-width font, the total printed after it. */
function chart(blocks: Blocks, spec: ChartSpec): Paragraph[] {
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
    blocks.add(chartTableXml(spec, TEXT_WIDTH)),
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
  const blocks = new Blocks();
  const children: Paragraph[] = [
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: model.municipality, bold: true, size: 26, color: ACCENT })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: model.title, size: 44, bold: true, color: ACCENT })] }),
    new Paragraph({ children: [new TextRun({ text: model.subtitle, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: `${model.basis}. Framtagen ur Värna ${model.generatedOn}.`, size: 20, color: '404040' })] }),
  ];
  for (const chapter of reportChapters(model)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(chapter.title)] }));
    if (chapter.kind === 'text') {
      children.push(...textParagraphs(chapter.text));
      continue;
    }
    if (chapter.kind === 'keyFigures') {
      children.push(
        ...dataTable(blocks, { caption: 'Nyckeltal', columns: [{ key: 'label', label: 'Mått', weight: 3 }, { key: 'value', label: 'Värde', weight: 1, numeric: true }], rows: model.keyFigures.map((k) => [k.label, k.value]) }),
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
          children.push(...textParagraphs(s.text));
        }
      }
      continue;
    }
    if (chapter.intro) children.push(new Paragraph({ children: [new TextRun(chapter.intro)] }));
    if (chapter.kind === 'table') {
      if (chapter.table.rows.length === 0 && chapter.empty) children.push(new Paragraph({ children: [new TextRun(chapter.empty)] }));
      else {
        children.push(...dataTable(blocks, chapter.table));
        if (chapter.chart) children.push(...chart(blocks, chapter.chart));
      }
      continue;
    }
    if (chapter.tables.length === 0 && chapter.empty) children.push(new Paragraph({ children: [new TextRun({ text: chapter.empty, bold: true })] }));
    for (const t of chapter.tables) children.push(...dataTable(blocks, t));
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
  return spliceBlocks(await Packer.toBuffer(doc), blocks.xml);
}

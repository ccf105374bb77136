/**
 * The plan as a Word document, laid out like the city's plans (Enskede-Årsta-Vantör 2018): a
 * title page, a table of contents, the sections, and the activity tables by measure area with a
 * header row that repeats on every page and page numbers in the footer. Nothing here writes a
 * formula or a macro; every value is text.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { ACCENT, BORDER, FONT, HEADER_FILL } from '../docx-style.js';
import type { Block, Inline } from '../html-blocks.js';
import type { PlanDocumentModel } from './model.js';
import { estimatePageNumbers } from 'docx/layout';
import { ACTIVITY_COLUMN_WIDTHS, ACTIVITY_COLUMNS, planOutline, TOC_TITLE, type ActivityCell, type ActivityTable } from './outline.js';


// A4, 2.5 cm margins: 11,906 × 16,838 twips.
const PAGE = { width: 11906, height: 16838, margin: 1418 };

function runs(inlines: Inline[], base: { bold?: boolean; size?: number } = {}): ParagraphChild[] {
  return inlines.map((i) => {
    if (i.kind === 'break') return new TextRun({ break: 1 });
    const run = new TextRun({ text: i.text, bold: base.bold || i.bold, italics: i.italic, size: base.size, ...(i.href ? { style: 'Hyperlink' } : {}) });
    return i.href ? new ExternalHyperlink({ link: i.href, children: [run] }) : run;
  });
}

function blockParagraphs(blocks: Block[], lists: { count: number }): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(new Paragraph({ children: runs(b.inlines) }));
    else if (b.kind === 'heading') out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(b.inlines) }));
    else {
      // Each ordered list starts again at 1.
      const instance = ++lists.count;
      for (const item of b.items) {
        out.push(
          new Paragraph({
            children: runs(item.inlines),
            numbering: { reference: item.ordered ? 'plan-numbers' : 'plan-bullets', level: Math.min(item.level, 2), instance },
            spacing: { after: 60 },
          }),
        );
      }
    }
  }
  return out;
}

function cellParagraphs(cell: ActivityCell, column: number): Paragraph[] {
  const paras: Paragraph[] = [];
  if (cell.heading) paras.push(new Paragraph({ style: 'TableText', children: [new TextRun({ text: cell.heading, bold: column === 0 })] }));
  for (const line of cell.lines) paras.push(new Paragraph({ style: 'TableText', children: [new TextRun(line)] }));
  if (paras.length === 0) paras.push(new Paragraph({ style: 'TableText', children: [] }));
  return paras;
}

function activityTable(t: ActivityTable, textWidth: number): Table {
  const columnWidths = ACTIVITY_COLUMN_WIDTHS.map((w) => Math.floor((textWidth * w) / 100));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ACTIVITY_COLUMNS.map(
      (label, c) =>
        new TableCell({
          width: { size: columnWidths[c], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
          children: [new Paragraph({ style: 'TableText', keepNext: true, children: [new TextRun({ text: label, bold: true })] })],
        }),
    ),
  });
  const body = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((cell, c) => new TableCell({ width: { size: columnWidths[c], type: WidthType.DXA }, children: cellParagraphs(cell, c) })),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    margins: { top: 60, bottom: 60, left: 90, right: 90 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

function summaryTable(facts: { label: string; value: string }[], textWidth: number): Table {
  const widths = [2200, textWidth - 2200];
  const rule = { style: BorderStyle.SINGLE, size: 2, color: '8EA9C1' } as const;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: none, right: none, insideHorizontal: rule, insideVertical: none },
    margins: { top: 50, bottom: 50, left: 0, right: 90 },
    rows: facts.map(
      (f) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: widths[0], type: WidthType.DXA }, children: [new Paragraph({ style: 'SummaryText', children: [new TextRun({ text: f.label, bold: true })] })] }),
            new TableCell({ width: { size: widths[1], type: WidthType.DXA }, children: [new Paragraph({ style: 'SummaryText', children: [new TextRun(f.value)] })] }),
          ],
        }),
    ),
  });
}

function heading1(title: string, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore, children: [new TextRun(title)] });
}

export async function renderPlanDocx(model: PlanDocumentModel): Promise<Buffer> {
  const outline = planOutline(model);
  const t = outline.titlePage;

  const titlePage: Paragraph[] = [
    new Paragraph({
      spacing: { after: 2400 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 24, color: ACCENT, space: 6 } },
      children: [new TextRun({ text: t.municipality, bold: true, size: 28, color: ACCENT })],
    }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: t.boardName, bold: true, size: 44, color: ACCENT })] }),
    new Paragraph({ spacing: { after: 960 }, children: [new TextRun({ text: t.title, size: 52 })] }),
    ...t.facts.map(
      (f) =>
        new Paragraph({
          spacing: { after: 80 },
          children: [new TextRun({ text: `${f.label}: `, bold: true, size: 24 }), new TextRun({ text: f.value, size: 24 })],
        }),
    ),
  ];

  const toc: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ pageBreakBefore: true, style: 'TocHeading', children: [new TextRun(TOC_TITLE)] }),
    // A TOC field Word can update, written with its entries (and their pages) already filled in,
    // so the list is readable in any reader without updating fields.
    new TableOfContents(TOC_TITLE, { hyperlink: true, headingStyleRange: '1-1' }),
    new Paragraph({ style: 'SummaryHeading', children: [new TextRun(outline.summary.title)] }),
    summaryTable(outline.summary.facts, PAGE.width - 2 * PAGE.margin),
  ];

  // The activity tables get a landscape section of their own, so the five columns are wide
  // enough for long Swedish compounds; everything else is portrait.
  type Segment = { landscape: boolean; children: (Paragraph | Table | TableOfContents)[] };
  const segments: Segment[] = [{ landscape: false, children: [...titlePage, ...toc] }];
  const lists = { count: 0 };
  let firstInSegment = false;
  outline.chapters.forEach((chapter, index) => {
    const landscape = chapter.kind === 'activities';
    if (landscape !== segments[segments.length - 1].landscape) {
      segments.push({ landscape, children: [] });
      firstInSegment = true;
    }
    const children = segments[segments.length - 1].children;
    // The first chapter starts after the table of contents; a new section starts a page anyway.
    children.push(heading1(chapter.title, index === 0 && !firstInSegment));
    firstInSegment = false;
    if (chapter.kind === 'section') {
      children.push(...blockParagraphs(chapter.blocks, lists));
      return;
    }
    children.push(new Paragraph({ children: [new TextRun(chapter.intro)] }));
    for (const table of chapter.tables) {
      children.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(table.caption)] }));
      children.push(new Paragraph({ keepNext: true, children: [new TextRun(table.intro)] }));
      children.push(activityTable(table, PAGE.height - 2 * PAGE.margin));
      children.push(new Paragraph({ children: [] }));
    }
  });

  const footer = (textWidth: number) =>
    new Footer({
      children: [
        new Paragraph({
          style: 'FooterText',
          tabStops: [{ type: 'right', position: textWidth }],
          children: [new TextRun(outline.footer), new TextRun({ children: ['\tSida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })],
        }),
      ],
    });

  const bullet = (level: number) => ({
    level,
    format: LevelFormat.BULLET,
    text: level === 1 ? '–' : '•',
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
  });
  const number = (level: number) => ({
    level,
    format: level === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } },
  });

  const doc = new Document({
    title: outline.documentTitle,
    subject: model.boardName,
    creator: 'Värna',
    description: `${outline.documentTitle}, ${model.boardName}`,
    // The table of contents is written with its page numbers worked out, so no reader has to update fields.
    pageNumbers: estimatePageNumbers,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: ACCENT }, paragraph: { spacing: { before: 0, after: 240 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'TocHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: 36, bold: true, color: ACCENT }, paragraph: { spacing: { after: 240 } } },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { size: 22, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 80 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 60, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'SummaryHeading', name: 'Summary Heading', basedOn: 'Normal', next: 'Normal', run: { size: 26, bold: true, color: ACCENT }, paragraph: { spacing: { before: 480, after: 120 }, keepNext: true } },
        { id: 'SummaryText', name: 'Summary Text', basedOn: 'Normal', run: { size: 20 }, paragraph: { spacing: { after: 0 } } },
        { id: 'FooterText', name: 'Footer Text', basedOn: 'Normal', run: { size: 16, color: '404040' }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    numbering: {
      config: [
        { reference: 'plan-bullets', levels: [bullet(0), bullet(1), bullet(2)] },
        { reference: 'plan-numbers', levels: [number(0), number(1), number(2)] },
      ],
    },
    sections: segments.map((segment, i) => ({
      properties: {
        titlePage: i === 0,
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: segment.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
        },
      },
      footers: {
        default: footer((segment.landscape ? PAGE.height : PAGE.width) - 2 * PAGE.margin),
        ...(i === 0 ? { first: new Footer({ children: [new Paragraph({ children: [] })] }) } : {}),
      },
      children: segment.children,
    })),
  });
  return Packer.toBuffer(doc);
}

/**
 * The reply as a Word document in the city's memo layout: a header table (administration and
 * "Tjänsteutlåtande" on the left, case number, date and handläggare on the right), the recipient
 * and title, then the sections of ./model.ts with the measures as tables whose header row repeats
 * on every page, and page numbers in the footer. Every value is text; no fields but the page
 * numbers, no macros.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ACCENT, BORDER, FONT, HEADER_FILL, NONE } from '../docx-style.js';
import { replyOutline, type ReplyDocumentInput, type ReplyTable } from './model.js';

// A4, 2.5 cm margins.
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

function headerTable(h: ReturnType<typeof replyOutline>['header']): Table {
  const widths = [Math.floor(TEXT_WIDTH * 0.55), TEXT_WIDTH - Math.floor(TEXT_WIDTH * 0.55)];
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, left: NONE, right: NONE, insideVertical: NONE, insideHorizontal: NONE, bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT } },
    rows: [
      new TableRow({
        children: [
          cell(widths[0], [
            new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: h.administration, bold: true, size: 24, color: ACCENT })] }),
            new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: h.kind, size: 28 })] }),
          ]),
          cell(
            widths[1],
            h.rows.map((r) => new Paragraph({ spacing: { after: 20 }, children: [new TextRun({ text: `${r.label}: `, bold: true, size: 20 }), new TextRun({ text: r.value, size: 20 })] })),
          ),
        ],
      }),
    ],
  });
}

function measureTable(t: ReplyTable): Table {
  const widths = t.widths.map((w) => Math.floor((TEXT_WIDTH * w) / 100));
  const para = (text: string, bold = false) => new Paragraph({ style: 'TableText', children: [new TextRun({ text, bold })] });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 60, bottom: 60, left: 90, right: 90 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.columns.map((c, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL }, children: [para(c, true)] })),
      }),
      ...t.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((v, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, children: [para(v, i === 0)] })) })),
    ],
  });
}

export async function renderReplyDocx(input: ReplyDocumentInput): Promise<Buffer> {
  const o = replyOutline(input);
  const children: (Paragraph | Table)[] = [
    headerTable(o.header),
    new Paragraph({ spacing: { before: 240, after: 60 }, children: [new TextRun({ text: o.recipient, size: 22 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(o.title)] }),
  ];
  let list = 0;
  for (const b of o.blocks) {
    if (b.kind === 'heading') children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] }));
    else if (b.kind === 'subheading') children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] }));
    else if (b.kind === 'paragraph') children.push(new Paragraph({ children: [new TextRun({ text: b.text, italics: b.italic })] }));
    else if (b.kind === 'numbered') {
      const instance = ++list;
      for (const item of b.items) children.push(new Paragraph({ numbering: { reference: 'reply-numbers', level: 0, instance }, children: [new TextRun(item)] }));
    } else {
      children.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(b.caption)] }));
      children.push(measureTable(b.table));
      children.push(new Paragraph({ children: [] }));
    }
  }

  const doc = new Document({
    title: o.documentTitle,
    subject: input.boardName,
    creator: 'Värna',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 32, bold: true, color: ACCENT }, paragraph: { spacing: { before: 120, after: 240 } } },
        heading1: { run: { font: FONT, size: 26, bold: true, color: ACCENT }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 23, bold: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { size: 20, bold: true, color: ACCENT }, paragraph: { spacing: { before: 120, after: 60 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 40, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'FooterText', name: 'Footer Text', basedOn: 'Normal', run: { size: 16, color: '404040' }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'reply-numbers',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 300 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'FooterText',
                tabStops: [{ type: 'right', position: TEXT_WIDTH }],
                children: [new TextRun(o.footer), new TextRun({ children: ['\tSida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })],
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

export { replyOutline };

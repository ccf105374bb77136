/**
 * The plan as a PDF (pdfmake 0.3, Roboto embedded so å, ä and ö render), with the same structure
 * as the Word document: title page, table of contents with page numbers, the sections, and the
 * activity tables by measure area on landscape pages with the header row repeated on each page.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { loadPdfmake } from '../../libraries.js';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, Inline } from '../html-blocks.js';
import type { PlanDocumentModel } from './model.js';
import { ACTIVITY_COLUMN_WIDTHS, ACTIVITY_COLUMNS, planOutline, TOC_TITLE, type ActivityCell, type ActivityTable } from './outline.js';

const ACCENT = '#1F4E79';
const HEADER_FILL = '#DCE6F2';
const RULE = '#8EA9C1';
const MARGIN = 71; // 2.5 cm

const FONT_DIR = resolve(join(dirname(createRequire(import.meta.url).resolve('pdfmake')), '..', 'fonts', 'Roboto'));
const FONTS = {
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};

function inlines(list: Inline[]): Content[] {
  return list.map((i): Content => {
    if (i.kind === 'break') return { text: '\n' };
    return {
      text: i.text,
      ...(i.bold ? { bold: true } : {}),
      ...(i.italic ? { italics: true } : {}),
      ...(i.href ? { link: i.href, color: ACCENT, decoration: 'underline' as const } : {}),
    };
  });
}

type ListBlock = Extract<Block, { kind: 'list' }>;

/** Flat items with levels → pdfmake's nested ul/ol. */
function list(items: ListBlock['items'], level: number, ordered: boolean): Content {
  const out: Content[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (item.level > level) {
      let j = i;
      while (j < items.length && items[j].level > level) j++;
      out.push(list(items.slice(i, j), level + 1, items[i].ordered));
      i = j;
    } else {
      out.push({ text: inlines(item.inlines), margin: [0, 0, 0, 3] });
      i++;
    }
  }
  return ordered ? { ol: out, margin: [level === 0 ? 6 : 0, 0, 0, 6] } : { ul: out, margin: [level === 0 ? 6 : 0, 0, 0, 6] };
}

function blocks(bs: Block[]): Content[] {
  return bs.map((b): Content => {
    if (b.kind === 'paragraph') return { text: inlines(b.inlines), style: 'body' };
    if (b.kind === 'heading') return { text: inlines(b.inlines), style: 'h2', headlineLevel: 2 };
    return list(b.items, 0, b.ordered);
  });
}

function cell(c: ActivityCell, column: number): TableCell {
  const parts: Content[] = [];
  if (c.heading) parts.push({ text: c.heading, bold: column === 0 });
  for (const line of c.lines) parts.push({ text: line, margin: [0, 2, 0, 0] });
  return { stack: parts };
}

function activityTable(t: ActivityTable): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ACTIVITY_COLUMN_WIDTHS.map((w) => `${w}%`),
      body: [
        ACTIVITY_COLUMNS.map((label): TableCell => ({ text: label, bold: true, fillColor: HEADER_FILL })),
        ...t.rows.map((row) => row.map(cell)),
      ],
    },
    layout: {
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    style: 'table',
    margin: [0, 0, 0, 14],
  };
}

export function planPdfDefinition(model: PlanDocumentModel): TDocumentDefinitions {
  const outline = planOutline(model);
  const t = outline.titlePage;

  const content: Content[] = [
    { text: t.municipality, style: 'municipality', margin: [0, 0, 0, 6] },
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 453, h: 3, color: ACCENT }], margin: [0, 0, 0, 140] },
    { text: t.boardName, style: 'board', margin: [0, 0, 0, 12] },
    { text: t.title, style: 'title', margin: [0, 0, 0, 48] },
    ...t.facts.map((f): Content => ({ text: [{ text: `${f.label}: `, bold: true }, f.value], fontSize: 12, margin: [0, 0, 0, 4] })),
    {
      toc: { title: { text: TOC_TITLE, style: 'h1' }, textStyle: { fontSize: 11 }, numberStyle: { fontSize: 11 } },
      pageBreak: 'before',
    },
    { text: outline.summary.title, style: 'h2', margin: [0, 28, 0, 6] },
    {
      table: {
        widths: [110, '*'],
        body: outline.summary.facts.map((f): TableCell[] => [{ text: f.label, bold: true }, { text: f.value }]),
      },
      layout: {
        hLineColor: () => RULE,
        hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.5 : 0.25),
        vLineWidth: () => 0,
        paddingTop: () => 3,
        paddingBottom: () => 3,
        paddingLeft: () => 0,
      },
      fontSize: 10,
    },
  ];

  let orientation: 'portrait' | 'landscape' = 'portrait';
  outline.chapters.forEach((chapter, index) => {
    const wanted = chapter.kind === 'activities' ? 'landscape' : 'portrait';
    const turn = wanted !== orientation;
    orientation = wanted;
    content.push({
      text: chapter.title,
      style: 'h1',
      headlineLevel: 1,
      tocItem: true,
      ...(index === 0 || turn ? { pageBreak: 'before' as const } : {}),
      ...(turn ? { pageOrientation: wanted } : {}),
    });
    if (chapter.kind === 'section') {
      content.push(...blocks(chapter.blocks));
      return;
    }
    content.push({ text: chapter.intro, style: 'body' });
    for (const table of chapter.tables) {
      content.push({
        stack: [
          { text: table.caption, style: 'caption' },
          { text: table.intro, style: 'body' },
        ],
        unbreakable: true,
      });
      content.push(activityTable(table));
    }
  });

  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    language: 'sv-SE',
    displayTitle: true,
    info: { title: outline.documentTitle, author: model.boardName, subject: outline.documentTitle, creator: 'Värna', producer: 'Värna' },
    // A heading never ends a page: it moves to the next one with the text it introduces.
    pageBreakBefore: (node) => typeof node.headlineLevel === 'number' && node.startPosition.verticalRatio > 0.8,
    footer: (currentPage, pageCount) =>
      currentPage === 1
        ? null
        : {
            margin: [MARGIN, 30, MARGIN, 0],
            fontSize: 8,
            color: '#404040',
            columns: [
              { text: outline.footer, width: '*' },
              { text: `Sida ${currentPage} av ${pageCount}`, width: 'auto', alignment: 'right' },
            ],
          },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      municipality: { fontSize: 14, bold: true, color: ACCENT },
      board: { fontSize: 22, bold: true, color: ACCENT },
      title: { fontSize: 26, lineHeight: 1.1 },
      h1: { fontSize: 18, bold: true, color: ACCENT, margin: [0, 12, 0, 8] },
      h2: { fontSize: 13, bold: true, color: ACCENT, margin: [0, 8, 0, 4] },
      body: { margin: [0, 0, 0, 7] },
      caption: { fontSize: 11, bold: true, color: ACCENT, margin: [0, 10, 0, 4] },
      table: { fontSize: 9, lineHeight: 1.1 },
    },
  };
}

export async function renderPlanPdf(model: PlanDocumentModel): Promise<Buffer> {
  const definition = planPdfDefinition(model);
  const pdfmake = await loadPdfmake();
  // pdfmake is one shared instance: set what this document needs right before creating it.
  // Only the Roboto files may be read from disk, and nothing from the network.
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(FONT_DIR));
  return pdfmake.createPdf(definition).getBuffer();
}

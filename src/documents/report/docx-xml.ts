/**
 * The report's tables and bar charts as WordprocessingML written directly: a 300-board city report
 * has tens of thousands of cells, and building each as a docx-library object tree (then turning it
 * into XML) took most of the document's three seconds. The document is built by the docx library
 * with a placeholder paragraph where each table goes; `spliceBlocks` puts the tables in its place.
 */
import { unzipSync, zipSync } from 'fflate';
import { HEADER_FILL } from '../docx-style.js';
import type { ChartSpec, ReportTable } from './model.js';
import { barUnits, fitColumnWidths, formatCell } from './outline.js';

const BORDER_COLOR = '8EA9C1';
// Table text is 8.5 pt Arial: an average character is about 0.55 em regular and 0.62 em bold
// (in twentieths of a point), plus the cells' 2 × 80 twips of margin and some slack.
const METRICS = { headerChar: 8.5 * 20 * 0.62, cellChar: 8.5 * 20 * 0.56, pad: 200 };

// XML 1.0 forbids most control characters; & < > must be escaped.
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export function xmlText(s: string): string {
  return s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function run(text: string, opts: { bold?: boolean; italic?: boolean; size?: number; fill?: string; mono?: boolean } = {}): string {
  const props =
    (opts.mono ? '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>' : '') +
    (opts.bold ? '<w:b/><w:bCs/>' : '') +
    (opts.italic ? '<w:i/><w:iCs/>' : '') +
    (opts.size ? `<w:sz w:val="${opts.size}"/><w:szCs w:val="${opts.size}"/>` : '') +
    (opts.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${opts.fill}"/>` : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

function para(runs: string, align: 'left' | 'right' = 'left'): string {
  return `<w:p><w:pPr><w:pStyle w:val="TableText"/>${align === 'right' ? '<w:jc w:val="right"/>' : ''}</w:pPr>${runs}</w:p>`;
}

function tc(width: number, content: string, fill?: string, vCenter = false): string {
  const shd = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shd}${vCenter ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>${content}</w:tc>`;
}

function cellText(text: string, width: number, opts: { bold?: boolean; right?: boolean; fill?: string }): string {
  const paras = text.split('\n').map((line) => para(line ? run(line, { bold: opts.bold }) : '', opts.right ? 'right' : 'left'));
  return tc(width, paras.join(''), opts.fill);
}

function tbl(widths: number[], rows: string[], borders: boolean, margins: { tb: number; lr: number }): string {
  const b = (side: string) => (borders ? `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${BORDER_COLOR}"/>` : `<w:${side} w:val="nil"/>`);
  const total = widths.reduce((a, w) => a + w, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(b).join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${margins.tb}" w:type="dxa"/><w:left w:w="${margins.lr}" w:type="dxa"/><w:bottom w:w="${margins.tb}" w:type="dxa"/><w:right w:w="${margins.lr}" w:type="dxa"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

/** A data table: a bold, shaded header row repeated on every page; rows never split over pages. */
export function tableXml(table: ReportTable, textWidth: number): string {
  const widths = fitColumnWidths(table, textWidth, METRICS);
  const head = table.headerColumn ?? 0;
  const numeric = table.columns.map((c) => !!c.numeric);
  const rows: string[] = [];
  rows.push(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${table.columns.map((c, i) => cellText(c.label, widths[i], { bold: true, right: numeric[i], fill: HEADER_FILL })).join('')}</w:tr>`);
  for (const r of table.rows) {
    rows.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map((v, i) => cellText(formatCell(v), widths[i], { bold: i === head, right: numeric[i] })).join('')}</w:tr>`);
  }
  if (table.totals) rows.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${table.totals.map((v, i) => cellText(formatCell(v), widths[i], { bold: true, right: numeric[i] })).join('')}</w:tr>`);
  return tbl(widths, rows, true, { tb: 40, lr: 80 });
}

const BAR_CHARS = 60;

/** A horizontal bar per category: shaded runs of a fixed-width font, the total printed after it. */
export function chartTableXml(spec: ChartSpec, textWidth: number): string {
  const totals = spec.categories.map((_, i) => spec.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = spec.stacked ? Math.max(0, ...totals) : Math.max(0, ...spec.series.flatMap((s) => s.values));
  const labelWidth = Math.floor(textWidth * 0.28);
  const barWidth = textWidth - labelWidth;
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const bar = (values: number[], colors: string[], total: number) => {
    const units = barUnits(values, max, BAR_CHARS);
    const segments = units.map((u, k) => (u > 0 ? run('\u00a0'.repeat(u), { mono: true, size: 16, fill: colors[k] }) : '')).join('');
    return para(segments + run(` ${formatCell(total)}${unit}`, { size: 16 }));
  };
  const rows = spec.categories.map((category, i) => {
    const label = tc(labelWidth, para(run(category), 'right'), undefined, true);
    const bars = spec.stacked
      ? bar(spec.series.map((s) => s.values[i] ?? 0), spec.series.map((s) => s.color), totals[i])
      : spec.series.map((s) => bar([s.values[i] ?? 0], [s.color], s.values[i] ?? 0)).join('');
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${label}${tc(barWidth, bars)}</w:tr>`;
  });
  return tbl([labelWidth, barWidth], rows, false, { tb: 10, lr: 60 });
}

/** The placeholder paragraph's text for block `n` (unlikely in any report text). */
export const placeholder = (n: number) => `@@VARNA-BLOCK-${n}@@`;

/** Replaces each placeholder paragraph of word/document.xml with its block's XML. */
export function spliceBlocks(docx: Buffer, blocks: string[]): Buffer {
  if (blocks.length === 0) return docx;
  const files = unzipSync(new Uint8Array(docx.buffer, docx.byteOffset, docx.byteLength));
  const xml = new TextDecoder().decode(files['word/document.xml']);
  const out = xml.replace(/<w:p>(?:(?!<\/w:p>).)*?@@VARNA-BLOCK-(\d+)@@(?:(?!<\/w:p>).)*?<\/w:p>/g, (_, n: string) => blocks[Number(n)] ?? '');
  files['word/document.xml'] = new TextEncoder().encode(out);
  return Buffer.from(zipSync(files));
}

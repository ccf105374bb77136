/** Shared layout decisions of the report documents (DOCX, PDF, XLSX), so the three say the same. */
import type { ChartSpec, ReportModel, ReportTable } from './model.js';
import { NO_DATA_YET } from './model.js';

export type Chapter =
  | { kind: 'text'; title: string; text: string }
  | { kind: 'keyFigures'; title: string }
  | { kind: 'table'; title: string; intro?: string; table: ReportTable; chart?: ChartSpec; empty?: string }
  | { kind: 'tables'; title: string; intro?: string; tables: ReportTable[]; notes?: string[]; empty?: string }
  | { kind: 'analyses'; title: string; empty: string };

export function chartFor(model: ReportModel, key: string): ChartSpec | undefined {
  return model.charts.find((c) => c.key === key);
}

/** The chapters in reading order. Empty tables get a sentence instead. */
export function reportChapters(model: ReportModel): Chapter[] {
  const city = model.scope === 'city';
  const chapters: Chapter[] = [
    ...(model.summary ? [{ kind: 'text' as const, title: 'Sammanfattning', text: model.summary }] : []),
    { kind: 'keyFigures', title: model.summary ? 'Nyckeltal' : 'Sammanfattning' },
    {
      kind: 'table',
      title: city ? 'Nämndernas planer och insatser' : 'Planen och insatserna',
      intro: city
        ? 'Varje nämnd med planens status och antalet insatser per uppföljningsstatus.'
        : 'Planens status och antalet insatser per uppföljningsstatus.',
      table: model.boards,
      chart: chartFor(model, 'status_by_board'),
    },
    {
      kind: 'table',
      title: 'Insatser per insatsområde och status',
      intro: 'Riktlinjernas tre insatsområden: allmänna, riktade och individinriktade insatser.',
      table: model.measureAreas,
      chart: chartFor(model, 'status_by_area'),
    },
  ];
  chapters.push(
    model.yearOverYear
      ? { kind: 'table', title: 'Jämförelse med föregående år', table: model.yearOverYear, chart: chartFor(model, 'year_over_year') }
      : { kind: 'tables', title: 'Jämförelse med föregående år', tables: [], empty: 'Det finns ingen uppföljning från föregående år att jämföra med.' },
  );
  chapters.push({ kind: 'table', title: 'Försenade insatser', intro: 'Insatser vars senaste status är försenad, med den ansvariges kommentar.', table: model.delayed, empty: 'Inga insatser är försenade.' });
  chapters.push({
    kind: 'tables',
    title: 'Indikatorer',
    intro: 'Senast rapporterade värde för varje indikator jämfört med målet i planen.',
    tables: model.indicators.rows.length ? [model.indicatorSummary, model.indicators] : [],
    empty: 'Planerna har inga indikatorer med rapporterade värden.',
  });
  if (model.contextIndicators) {
    chapters.push({
      kind: 'tables',
      title: 'Kontextindikatorer',
      intro: 'Kommunala nyckeltal (till exempel från Kolada) som beskriver sammanhanget för effektindikatorerna.',
      tables: model.contextIndicators.rows.length ? [model.contextIndicators] : [],
      empty: 'Inga nyckeltal är importerade.',
    });
  }
  for (const ext of model.external) {
    chapters.push({ kind: 'tables', title: ext.title, intro: ext.available ? ext.intro : undefined, tables: ext.available ? ext.tables : [], notes: ext.notes, empty: NO_DATA_YET });
  }
  chapters.push({ kind: 'analyses', title: city ? 'Nämndernas analyser' : 'Samlad analys', empty: 'Ingen samlad analys är skriven för året.' });
  return chapters;
}

// One formatter for all cells: toLocaleString builds a new one per call, which dominated a
// 300-board report's document time.
const SWEDISH_NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** "12", "12,5" – Swedish number formatting for documents. */
export function formatCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return SWEDISH_NUMBER.format(v).replace(/\u00a0/g, ' ');
  return v;
}

/** Whole units of a bar of at most `width` for each segment, keeping the bar total proportional. */
export function barUnits(values: number[], max: number, width: number): number[] {
  if (max <= 0) return values.map(() => 0);
  const scaled = values.map((v) => (v / max) * width);
  return scaled.map((s, i) => (values[i] > 0 ? Math.max(1, Math.round(s)) : 0));
}

/** The longest word of a text (headers and cells break only between words). */
function longestWord(text: string): number {
  let max = 0;
  for (const w of text.split(/[\s/]+/)) if (w.length > max) max = w.length;
  return max;
}

/**
 * Column widths for a table `total` wide: by the columns' weights, but never narrower than the
 * longest word of the header (in bold, `headerChar` per character) or of a cell (`cellChar`), plus
 * `pad` of cell margins, so a header such as "Genomförd" is never broken mid-word. The columns
 * that need no more than their share give up the difference in proportion to their weights.
 */
export function fitColumnWidths(table: ReportTable, total: number, metrics: { headerChar: number; cellChar: number; pad: number }): number[] {
  const n = table.columns.length;
  const weights = table.columns.map((c) => c.weight ?? 1);
  const need = table.columns.map((c, i) => {
    let cell = 0;
    for (const r of [...table.rows, ...(table.totals ? [table.totals] : [])]) cell = Math.max(cell, longestWord(formatCell(r[i] ?? null)));
    return Math.max(longestWord(c.label) * metrics.headerChar, cell * metrics.cellChar) + metrics.pad;
  });
  // A column's minimum never takes more than a third of the width (a long URL may break).
  const min = need.map((w) => Math.min(w, total / 3));
  const fixed = new Array<boolean>(n).fill(false);
  let widths: number[] = [];
  for (let round = 0; round < n; round++) {
    const free = total - min.reduce((s, w, i) => s + (fixed[i] ? w : 0), 0);
    const weightSum = weights.reduce((s, w, i) => s + (fixed[i] ? 0 : w), 0);
    widths = weights.map((w, i) => (fixed[i] ? min[i] : weightSum > 0 ? (free * w) / weightSum : 0));
    const short = widths.map((w, i) => !fixed[i] && w < min[i]);
    if (!short.some(Boolean)) break;
    short.forEach((s, i) => (fixed[i] ||= s));
  }
  return widths.map((w) => Math.floor(w));
}

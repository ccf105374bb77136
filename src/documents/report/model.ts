/**
 * What the board and city reports (DOCX, PDF, XLSX, chart SVG) are rendered from: a plain,
 * already-labelled view built by the reports service. Renderers know nothing else: every label is
 * resolved here, in Swedish, so the documents need no editing before a board meeting.
 */

export interface Column {
  key: string;
  label: string;
  /** Relative width in documents (default 1; names and comments are wider). */
  weight?: number;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

/** A table of text and numbers; `null` is shown as an empty cell. */
export interface ReportTable {
  caption: string;
  columns: Column[];
  rows: (string | number | null)[][];
  /** Index of the column that names the row (bold in documents). Default 0. */
  headerColumn?: number;
  /** A last row of totals, shown bold. */
  totals?: (string | number | null)[];
}

/** A bar chart; `stacked` bars add up to the row's total. Every chart is shown beside `table`. */
export interface ChartSpec {
  key: string;
  title: string;
  /** One bar per category (e.g. a board), in order. */
  categories: string[];
  /** One series per segment (e.g. a status), values aligned with `categories`. */
  series: { key: string; name: string; values: number[]; color: string }[];
  stacked: boolean;
  unit?: string;
  /** Text alternative: what the chart shows in one or two sentences. */
  summary: string;
  table: ReportTable;
}

export interface KeyFigure {
  label: string;
  value: string;
}

export interface AnalysisView {
  boardName: string;
  periodLabel: string;
  /** "Markerad som rapporterad 2026-09-10" or "Utkast". */
  stateLabel: string;
  sections: { title: string; text: string }[];
}

/** A section whose data comes from another capability (training, situation picture). */
export interface ExternalSection {
  key: string;
  title: string;
  /** False: the capability has no data yet; the documents say "Ingen data ännu". */
  available: boolean;
  intro?: string;
  tables: ReportTable[];
  notes?: string[];
}

export interface ReportModel {
  scope: 'city' | 'board';
  municipality: string;
  /** "Samlad rapport: arbetet mot våldsbejakande extremism 2026". */
  title: string;
  /** "Stockholms stad – underlag till kommunstyrelsen" or the board's name. */
  subtitle: string;
  year: number;
  /** Which follow-up the figures build on, e.g. "Senast rapporterade status per insats, 2026 (T1–VB)". */
  basis: string;
  generatedOn: string;
  /** The central coordinator's own summary (city report), printed first; null when not written. */
  summary?: string | null;
  keyFigures: KeyFigure[];
  /** Every board with its plan status and activity counts (city), or the board alone. */
  boards: ReportTable;
  /** Activities per measure area and status. */
  measureAreas: ReportTable;
  charts: ChartSpec[];
  yearOverYear: ReportTable | null;
  delayed: ReportTable;
  indicators: ReportTable;
  indicatorSummary: ReportTable;
  contextIndicators: ReportTable | null;
  analyses: AnalysisView[];
  external: ExternalSection[];
  /** Every activity with its latest status (XLSX only; large for the city). */
  activities?: ReportTable;
  /** The file name without extension, e.g. "samlad-rapport-2026". */
  fileName: string;
}

export const NO_DATA_YET = 'Ingen data ännu';

/**
 * Context indicators: municipal KPI values imported from a CSV file as exported from Kolada
 * (KPI id, municipality, year, value; optionally the KPI's title and gender). They are shown beside
 * the effect indicators they relate to. Reads a table already split into rows (see
 * ../training/tabular.ts); every bad row is reported with its line number. Pure.
 */
import { mapHeaders, type Requirement } from '../training/headers.js';
import type { Table } from '../training/tabular.js';
import { toNumber } from './indicators.js';
import { MAX_YEAR, MIN_YEAR } from './periods.js';

export type ContextField = 'kpiId' | 'title' | 'municipality' | 'year' | 'value' | 'gender';

export const CONTEXT_COLUMNS: { field: ContextField; aliases: string[] }[] = [
  { field: 'kpiId', aliases: ['kpi id', 'kpi-id', 'kpi_id', 'kpiid', 'kpi', 'nyckeltals-id', 'nyckeltalsid', 'id'] },
  { field: 'title', aliases: ['kpi title', 'title', 'titel', 'nyckeltal', 'nyckeltalsnamn', 'namn', 'name'] },
  { field: 'municipality', aliases: ['municipality', 'municipality id', 'kommun', 'kommun-id', 'kommunkod', 'kommunnamn', 'område', 'area'] },
  { field: 'year', aliases: ['year', 'år', 'period', 'årtal'] },
  { field: 'value', aliases: ['value', 'värde', 'utfall'] },
  { field: 'gender', aliases: ['gender', 'kön', 'kon'] },
];

const REQUIREMENTS: Requirement<ContextField>[] = [
  { oneOf: ['kpiId'], label: 'nyckeltalets id', examples: ['KPI id', 'kpi'] },
  { oneOf: ['municipality'], label: 'kommun', examples: ['Kommun', 'municipality'] },
  { oneOf: ['year'], label: 'år', examples: ['År', 'year'] },
  { oneOf: ['value'], label: 'värde', examples: ['Värde', 'value'] },
];

export const KPI_ID_PATTERN = /^[A-Za-z0-9_-]{1,20}$/;

export interface ContextValue {
  line: number;
  kpiId: string;
  title: string | null;
  municipality: string;
  year: number;
  value: number;
}

export interface ContextParseResult {
  values: ContextValue[];
  /** Rows left out on purpose: no value (Kolada leaves gaps) or a gender breakdown. */
  skipped: { line: number; reason: string }[];
  /** The same KPI, municipality and year twice: the later line wins. */
  duplicates: number[];
  errors: { line: number; message: string }[];
}

/** Kolada's gender codes: T (totalt) is kept; K and M breakdowns are skipped. */
const TOTAL_GENDERS = new Set(['', 't', 'totalt', 'total', 'alla', 'all']);

export function parseContextTable(table: Table): ContextParseResult | { error: { line: number; message: string } } {
  const mapped = mapHeaders(table.header, CONTEXT_COLUMNS, REQUIREMENTS, table.headerLine);
  if ('error' in mapped) return mapped;
  const col = mapped.columns;
  const cell = (cells: string[], f: ContextField) => (col[f] === undefined ? '' : (cells[col[f]!] ?? '').trim());
  const result: ContextParseResult = { values: [], skipped: [], duplicates: [], errors: [] };
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const kpiId = cell(row.cells, 'kpiId');
    const municipality = cell(row.cells, 'municipality');
    const yearText = cell(row.cells, 'year');
    const valueText = cell(row.cells, 'value');
    const gender = cell(row.cells, 'gender').toLowerCase();
    const problems: string[] = [];
    if (!KPI_ID_PATTERN.test(kpiId)) problems.push(kpiId ? `nyckeltalets id ”${kpiId.slice(0, 30)}” är ogiltigt` : 'nyckeltalets id saknas');
    if (!municipality) problems.push('kommun saknas');
    else if (municipality.length > 100) problems.push('kommunens namn är för långt');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) problems.push(yearText ? `året ”${yearText.slice(0, 20)}” är ogiltigt` : 'år saknas');
    if (problems.length) {
      result.errors.push({ line: row.line, message: `Rad ${row.line}: ${problems.join(', ')}.` });
      continue;
    }
    if (!TOTAL_GENDERS.has(gender)) {
      result.skipped.push({ line: row.line, reason: 'uppdelat på kön (bara totalen importeras)' });
      continue;
    }
    if (valueText === '') {
      result.skipped.push({ line: row.line, reason: 'värde saknas' });
      continue;
    }
    const value = toNumber(valueText);
    if (value === null) {
      result.errors.push({ line: row.line, message: `Rad ${row.line}: värdet ”${valueText.slice(0, 30)}” är inget tal.` });
      continue;
    }
    const title = cell(row.cells, 'title').slice(0, 300) || null;
    const key = `${kpiId.toUpperCase()}|${municipality.toLowerCase()}|${year}`;
    const earlier = seen.get(key);
    const v = { line: row.line, kpiId: kpiId.toUpperCase(), title, municipality, year, value };
    if (earlier !== undefined) {
      result.duplicates.push(result.values[earlier].line);
      result.values[earlier] = v;
    } else {
      seen.set(key, result.values.length);
      result.values.push(v);
    }
  }
  return result;
}

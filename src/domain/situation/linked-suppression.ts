/**
 * Small-count suppression for several count tables that share their margins.
 *
 * The city-wide situation picture shows, for the same boards, counts by type, by environment
 * and by tertial. Each table has the boards' totals as row totals and the year's total as grand
 * total. Suppressing each table on its own with `suppressTable` is not safe: a board total hidden
 * to protect a cell in the type table could still be shown in the environment table, and then
 * the type table's hidden cell can be recomputed. So this module runs the very same rule as
 * `src/domain/suppression.ts` — its `suppressRelations` — (primary: 1 ≤ n < threshold shown as "<threshold"; secondary: any
 * additive relation with exactly one hidden member gets a second one, the smallest non-zero shown
 * part, else the total, shown as "..") over all tables at once, with each shared total being one
 * value that is hidden everywhere or nowhere.
 *
 * For a single table the result is exactly `suppressTable`'s (tested property).
 * The residual risk documented in suppression.ts (".." means ≥ threshold) applies here too.
 *
 * `knownRows`: rows the reader knows exactly (a board's own coordinators and viewers see its
 * counts exactly on the board's page). Their totals and cells in every table count as shown for
 * that reader, as in `suppressTable`'s `known`, so a table built for a reader never leaves another
 * board's small count as the only hidden member of a relation once the reader's own row is
 * subtracted.
 *
 * Pure: no I/O, runs on the server and in the browser.
 */
import { Relations, suppressRelations, type Cell } from '../suppression.js';

export interface LinkedTablesInput<K extends string> {
  /** The shared row totals (one per row, e.g. per board). */
  rowTotals: readonly number[];
  /** Each table: rows × its own columns; every row must sum to its row total. */
  tables: Readonly<Record<K, readonly (readonly number[])[]>>;
  /** Rows the reader knows exactly (indices into rowTotals). */
  knownRows?: readonly number[];
}

export interface LinkedTablesResult<K extends string> {
  rowTotals: Cell[];
  grandTotal: Cell;
  tables: Record<K, { cells: Cell[][]; columnTotals: Cell[] }>;
}

/**
 * Suppresses tables that share row totals and the grand total. Every table's rows must add up
 * to the shared row totals (each report has exactly one type, one environment, one tertial).
 */
export function suppressLinkedTables<K extends string>(input: LinkedTablesInput<K>, threshold: number): LinkedTablesResult<K> {
  const rows = input.rowTotals.length;
  const keys = Object.keys(input.tables) as K[];
  const values: number[] = [...input.rowTotals];
  const grand = values.length;
  values.push(input.rowTotals.reduce((a, b) => a + b, 0));
  // Where each table's cells (row by row) and its column totals start among the values.
  const layout = {} as Record<K, { start: number; colStart: number; cols: number }>;

  for (const key of keys) {
    const table = input.tables[key];
    if (table.length !== rows) throw new RangeError(`Table ${key} must have ${rows} rows`);
    const cols = rows ? table[0].length : 0;
    const start = values.length;
    // Plain loops: for a city of 300 boards this runs for every tertial and trend year.
    const columnSums = new Array<number>(cols).fill(0);
    for (let r = 0; r < rows; r++) {
      const row = table[r];
      if (row.length !== cols) throw new RangeError(`Table ${key}: all rows must have ${cols} columns`);
      let sum = 0;
      for (let c = 0; c < cols; c++) {
        sum += row[c];
        columnSums[c] += row[c];
        values.push(row[c]);
      }
      if (sum !== input.rowTotals[r]) throw new RangeError(`Table ${key}: row ${r} sums to ${sum}, not its total ${input.rowTotals[r]}`);
    }
    const colStart = values.length;
    for (let c = 0; c < cols; c++) values.push(columnSums[c]);
    layout[key] = { start, colStart, cols };
  }
  // Same order as suppressTable: every row relation (the row of column totals last), then every
  // column relation (the column of row totals last), so one table gives exactly its result.
  const relations = new Relations();
  for (const key of keys) {
    const { start, colStart, cols } = layout[key];
    for (let r = 0; r < rows; r++) relations.addRange(start + r * cols, cols, 1, r);
    relations.addRange(colStart, cols, 1, grand);
  }
  for (const key of keys) {
    const { start, colStart, cols } = layout[key];
    for (let c = 0; c < cols; c++) relations.addRange(start + c, rows, cols, colStart + c);
  }
  relations.addRange(0, rows, 1, grand);

  const known = new Set<number>();
  for (const r of input.knownRows ?? []) {
    if (!Number.isInteger(r) || r < 0 || r >= rows) throw new RangeError(`Known row ${r} is not a row of the tables`);
    known.add(r);
    for (const key of keys) {
      const { start, cols } = layout[key];
      for (let c = 0; c < cols; c++) known.add(start + r * cols + c);
    }
  }

  const shown = suppressRelations(values, relations, threshold, known);
  const tables = {} as LinkedTablesResult<K>['tables'];
  for (const key of keys) {
    const { start, colStart, cols } = layout[key];
    tables[key] = {
      cells: Array.from({ length: rows }, (_, r) => shown.slice(start + r * cols, start + (r + 1) * cols)),
      columnTotals: shown.slice(colStart, colStart + cols),
    };
  }
  return { rowTotals: shown.slice(0, rows), grandTotal: shown[grand], tables };
}

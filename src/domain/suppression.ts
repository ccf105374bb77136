/**
 * Small-count suppression for counts shown outside the board that owns them.
 *
 * Primary suppression: a count n with 1 ≤ n < threshold is shown as "<threshold" ("<5").
 * Counts hidden only to protect a small one (secondary suppression, see below) are at least
 * the threshold, so "<5" would be false for them: they are shown as ".." instead, the sign
 * Swedish official statistics use for a figure that is not given. `suppressionLegendSv`
 * explains both signs to the reader. Residual risk, accepted: since ".." cells are known to be
 * at least the threshold, a shown total can narrow the small cell beside one (total 6 =
 * "<5" + ".." means the small cell is 1). Closing that needs an interval audit of the whole
 * table (linear programming), which is out of scope here.
 *
 * Zeros are shown as 0. A zero is not disclosive in the sense suppression protects against
 * (it points at nobody), and hiding zeros would make tables of rare events unreadable; the
 * price is that a row like [0, 0, <5] with a shown total would reveal the hidden cell, which
 * secondary suppression handles like any other case.
 *
 * Secondary suppression: every row, every column, the column of row totals and the row of
 * column totals is an additive relation "cells sum to the total". If exactly one member of
 * such a relation is hidden (a cell while the total is shown, or the total while all cells are
 * shown), it can be recomputed from the others. So one more member is hidden: the smallest
 * non-zero shown cell, or else the total. This repeats until no relation has exactly one
 * hidden member. Totals below the threshold are hidden by primary suppression like cells.
 *
 * What the reader already knows (insider differencing): a reader who sees some cells exactly
 * elsewhere — a board's own coordinators and viewers see its row exactly — can subtract them
 * from a shown total. If a small cell of another board is then the only hidden member left in a
 * relation, the reader recovers it: total minus the known cells. So a table suppressed for a
 * reader takes `known`, the cells that reader knows exactly. First the rule above runs as for
 * anyone, so the reader's table hides everything an outsider's table hides; then it runs again
 * counting known cells as shown, and never choosing one as the second hidden member, since
 * hiding a cell from the one reader who knows it protects nothing. Known cells keep their
 * markers ("<5" stays "<5"): the table may be passed on to people who do not know them.
 *
 * Pure: no I/O, runs on the server and in the browser.
 */

/** A shown count, or the marker that replaces a hidden one ("<5"). */
export type Cell = number | string;

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** Shown instead of a count that is not small itself but would reveal a small one. */
export const SECONDARY_SUPPRESSION_MARKER = '..';

/** Legend for a table or chart that may contain hidden counts, in Swedish. */
export function suppressionLegendSv(threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): string {
  checkThreshold(threshold);
  const range = threshold <= 2 ? '1' : `mellan 1 och ${threshold - 1}`;
  return (
    `${suppressedMarker(threshold)} = ${range}; det exakta antalet visas inte så att ingen ska kunna pekas ut. ` +
    `${SECONDARY_SUPPRESSION_MARKER} = dolt så att små tal inte kan räknas fram ur summorna.`
  );
}

/** Counts in rows × columns. Totals default to the sums of the cells. */
export interface CountTable {
  cells: readonly (readonly number[])[];
  /**
   * Totals to show when they are not plain sums (e.g. respondents who ticked several
   * options). They are treated as additive all the same, which errs on the safe side.
   */
  rowTotals?: readonly number[];
  columnTotals?: readonly number[];
  grandTotal?: number;
}

export interface SuppressedTable {
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  grandTotal: Cell;
}

export interface SuppressedSeries {
  values: Cell[];
  /** null when no total was to be shown. */
  total: Cell | null;
}

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Suppression threshold must be a positive integer, got ${threshold}`);
  }
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
  }
}

/** The marker shown instead of a small count. */
export function suppressedMarker(threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): string {
  return `<${threshold}`;
}

/** True when `n` must be hidden on its own (1 ≤ n < threshold). */
export function isSmallCount(n: number, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): boolean {
  return n >= 1 && n < threshold;
}

/** A single count on its own: n, or "<threshold" when 1 ≤ n < threshold. */
export function suppressCount(n: number, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): Cell {
  checkThreshold(threshold);
  checkCount(n, 'Count');
  return isSmallCount(n, threshold) ? suppressedMarker(threshold) : n;
}

/** True when the display value is a hidden count. */
export function isSuppressed(cell: Cell): cell is string {
  return typeof cell === 'string';
}

/**
 * Additive relations kept flat: the member indices of every relation in one array, with where
 * each relation starts; each relation's last member is its total. A city of 300 boards has
 * thousands of relations, and one small array each was most of what suppressing its tables
 * allocated.
 */
export class Relations {
  readonly members: number[] = [];
  readonly starts: number[] = [0];

  /** A relation from its member indices, the total last. */
  static of(relations: readonly (readonly number[])[]): Relations {
    const set = new Relations();
    for (const r of relations) set.add(r);
    return set;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  add(members: readonly number[]): void {
    for (const m of members) this.members.push(m);
    this.starts.push(this.members.length);
  }

  /** The relation "parts first, first + stride, … (count of them) sum to total". */
  addRange(first: number, count: number, stride: number, total: number): void {
    for (let k = 0; k < count; k++) this.members.push(first + k * stride);
    this.members.push(total);
    this.starts.push(this.members.length);
  }
}

/**
 * Relation r of the set. Hides members until the relation has zero or at least two hidden members
 * the reader does not know (`known`: flat indices the reader knows exactly; they count as shown
 * and are never chosen). Returns true if it hid anything.
 */
function protectRelation(set: Relations, r: number, values: readonly number[], hidden: Hidden[], known: ReadonlySet<number>): boolean {
  const { members } = set;
  const first = set.starts[r];
  const last = set.starts[r + 1] - 1;
  // Exactly one secret member, or nothing to protect (counted without allocating: this runs for
  // every relation on every pass, thousands of times for a city of 300 boards).
  let secrets = 0;
  for (let m = first; m <= last; m++) {
    const i = members[m];
    if (hidden[i] && !known.has(i) && ++secrets > 1) return false;
  }
  if (secrets !== 1) return false;
  const total = members[last];
  // Smallest non-zero shown part first (least information lost), earliest on ties.
  let best = -1;
  for (let m = first; m < last; m++) {
    const i = members[m];
    if (hidden[i] || known.has(i) || values[i] === 0) continue;
    if (best < 0 || values[i] < values[best]) best = i;
  }
  if (best >= 0) {
    hidden[best] = 'secondary';
    return true;
  }
  if (!hidden[total] && !known.has(total)) {
    hidden[total] = 'secondary';
    return true;
  }
  // The total is hidden (or known) and every shown part is zero (or known): the total is then
  // the sum of what is known unless it was given inconsistently. Hide a zero so the relation
  // holds formally. Nothing left to hide only happens when the reader knows the total, and then
  // a relation whose parts the reader does not know is theirs to know anyway.
  for (let m = first; m < last; m++) {
    const i = members[m];
    if (hidden[i] || known.has(i)) continue;
    hidden[i] = 'secondary';
    return true;
  }
  return false;
}

/** Why a value is hidden: small itself, or to protect a small one; false when shown. */
type Hidden = 'primary' | 'secondary' | false;

const NOTHING_KNOWN: ReadonlySet<number> = new Set();
const NOTHING_PUBLISHED: ReadonlyMap<number, boolean> = new Map();

function runSuppression(
  values: readonly number[],
  relations: Relations,
  threshold: number,
  known: ReadonlySet<number> = NOTHING_KNOWN,
  published: ReadonlyMap<number, boolean> = NOTHING_PUBLISHED,
): Hidden[] {
  const hidden: Hidden[] = values.map((v) => (isSmallCount(v, threshold) ? 'primary' : false));
  // Values already published elsewhere keep their fate: a shown one is known to every reader and
  // never hidden here; a hidden one stays hidden (and is a secret like any other).
  const shownElsewhere = new Set<number>();
  for (const [i, shown] of published) {
    if (shown) {
      hidden[i] = false;
      shownElsewhere.add(i);
    } else if (!hidden[i]) hidden[i] = 'secondary';
  }
  // Nothing hidden: no relation has a secret member, so there is nothing to protect (the common
  // case of a city table without small counts, skipped without visiting its relations).
  if (!hidden.some(Boolean)) return hidden;
  const settle = (k: ReadonlySet<number>) => {
    let changed = true;
    while (changed) {
      changed = false;
      for (let r = 0; r < relations.size; r++) {
        if (protectRelation(relations, r, values, hidden, k)) changed = true;
      }
    }
  };
  // As for anyone first, so a reader's table hides at least what an outsider's hides; then
  // again with what this reader knows.
  settle(shownElsewhere);
  if (known.size) settle(shownElsewhere.size ? new Set([...shownElsewhere, ...known]) : known);
  return hidden;
}

function display(value: number, hidden: Hidden, threshold: number): Cell {
  if (hidden === 'primary') return suppressedMarker(threshold);
  if (hidden === 'secondary') return SECONDARY_SUPPRESSION_MARKER;
  return value;
}

/**
 * Primary and secondary suppression over flat counts and the additive relations between them
 * (each relation lists member indices, the last being the total of the others; as arrays or a
 * flat Relations set). suppressTable is this over one table; linked tables (src/domain/situation)
 * pass relations spanning several.
 * `known`: indices of the values the reader knows exactly (see the module comment).
 * `published`: values whose fate an earlier published table decided (index → shown): a finer
 * table that adds up to a published one is suppressed so that it cannot be subtracted from it.
 */
export function suppressRelations(
  values: readonly number[],
  relations: Relations | readonly (readonly number[])[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
  known: ReadonlySet<number> = NOTHING_KNOWN,
  published: ReadonlyMap<number, boolean> = NOTHING_PUBLISHED,
): Cell[] {
  checkThreshold(threshold);
  values.forEach((v) => checkCount(v, 'Count'));
  for (const i of known) if (!Number.isInteger(i) || i < 0 || i >= values.length) throw new RangeError(`Known index ${i} is outside the values`);
  for (const i of published.keys()) if (!Number.isInteger(i) || i < 0 || i >= values.length) throw new RangeError(`Published index ${i} is outside the values`);
  const set = relations instanceof Relations ? relations : Relations.of(relations);
  for (const i of set.members) if (!Number.isInteger(i) || i < 0 || i >= values.length) throw new RangeError(`Relation member ${i} is outside the values`);
  const hidden = runSuppression(values, set, threshold, known, published);
  return values.map((v, i) => display(v, hidden[i], threshold));
}

/** What the reader of a table knows exactly: whole rows (their cells and row totals) and single cells. */
export interface KnownCells {
  rows?: readonly number[];
  /** [row, column] of single cells. */
  cells?: readonly (readonly [number, number])[];
}

/**
 * Suppress a table of counts (rows × columns with row totals, column totals and a grand total).
 * Accepts a bare matrix too, in which case all totals are the sums. `known`: what the reader
 * knows exactly, e.g. their own board's row (see the module comment).
 */
export function suppressTable(
  table: CountTable | readonly (readonly number[])[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
  known: KnownCells = {},
): SuppressedTable {
  checkThreshold(threshold);
  const t: CountTable = Array.isArray(table) ? { cells: table } : (table as CountTable);
  const rows = t.cells.length;
  const cols = rows === 0 ? (t.columnTotals?.length ?? 0) : t.cells[0].length;
  for (const row of t.cells) {
    if (row.length !== cols) throw new RangeError('All rows of a table must have the same number of columns');
    row.forEach((v) => checkCount(v, 'Cell'));
  }
  const rowTotals = t.rowTotals ? [...t.rowTotals] : t.cells.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = t.columnTotals
    ? [...t.columnTotals]
    : Array.from({ length: cols }, (_, j) => t.cells.reduce((a, r) => a + r[j], 0));
  const grandTotal = t.grandTotal ?? rowTotals.reduce((a, b) => a + b, 0);
  if (rowTotals.length !== rows) throw new RangeError('rowTotals must have one entry per row');
  if (columnTotals.length !== cols) throw new RangeError('columnTotals must have one entry per column');
  rowTotals.forEach((v) => checkCount(v, 'Row total'));
  columnTotals.forEach((v) => checkCount(v, 'Column total'));
  checkCount(grandTotal, 'Grand total');

  // Flat layout: the (rows + 1) × (cols + 1) table with totals in the last row and column.
  const width = cols + 1;
  const at = (i: number, j: number) => i * width + j;
  const values: number[] = [];
  for (let i = 0; i < rows; i++) values.push(...t.cells[i], rowTotals[i]);
  values.push(...columnTotals, grandTotal);

  const relations = new Relations();
  for (let i = 0; i <= rows; i++) relations.addRange(at(i, 0), cols, 1, at(i, cols));
  for (let j = 0; j <= cols; j++) relations.addRange(at(0, j), rows, width, at(rows, j));

  const knownAt = new Set<number>();
  for (const i of known.rows ?? []) {
    if (!Number.isInteger(i) || i < 0 || i >= rows) throw new RangeError(`Known row ${i} is not a row of the table`);
    for (let j = 0; j <= cols; j++) knownAt.add(at(i, j));
  }
  for (const [i, j] of known.cells ?? []) {
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || i >= rows || j < 0 || j >= cols) throw new RangeError(`Known cell [${i}, ${j}] is not a cell of the table`);
    knownAt.add(at(i, j));
  }

  const hidden = runSuppression(values, relations, threshold, knownAt);
  const show = (k: number): Cell => display(values[k], hidden[k], threshold);
  return {
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => show(at(i, j)))),
    rowTotals: Array.from({ length: rows }, (_, i) => show(at(i, cols))),
    columnTotals: Array.from({ length: cols }, (_, j) => show(at(rows, j))),
    grandTotal: show(at(rows, cols)),
  };
}

/**
 * Suppress a one-dimensional series (e.g. counts per category) with its total.
 * `total` defaults to the sum; pass null when no total is shown, and only primary
 * suppression applies.
 */
export function suppressSeries(
  values: readonly number[],
  total?: number | null,
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): SuppressedSeries {
  checkThreshold(threshold);
  values.forEach((v) => checkCount(v, 'Value'));
  if (total === null) {
    return { values: values.map((v) => suppressCount(v, threshold)), total: null };
  }
  const shownTotal = total ?? values.reduce((a, b) => a + b, 0);
  checkCount(shownTotal, 'Total');
  const flat = [...values, shownTotal];
  const relation = new Relations();
  relation.addRange(0, values.length, 1, values.length);
  const hidden = runSuppression(flat, relation, threshold);
  const show = (k: number): Cell => display(flat[k], hidden[k], threshold);
  return { values: values.map((_, i) => show(i)), total: show(values.length) };
}

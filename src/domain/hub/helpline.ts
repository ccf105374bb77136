/**
 * The helpline log (lotsfunktion, PRODUCT.md §8): what a contact is counted by, and the yearly
 * counts per board suppressed for a reader. Pure: runs on the server and in the web app.
 */
import { ENVIRONMENTS, type Environment } from '../situation/categories.js';
import { Relations, suppressRelations, type Cell } from '../suppression.js';

export const CALLER_TYPES = ['relative', 'professional', 'resident', 'self', 'other'] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

export const HELPLINE_TOPICS = ['concern_for_person', 'general_question', 'material_request', 'other'] as const;
export type HelplineTopic = (typeof HELPLINE_TOPICS)[number];

export { ENVIRONMENTS, type Environment };

export const CALLER_TYPE_LABELS_SV: Readonly<Record<CallerType, string>> = {
  relative: 'Anhörig',
  professional: 'Yrkesverksam',
  resident: 'Boende',
  self: 'Personen själv',
  other: 'Annan',
};

export const TOPIC_LABELS_SV: Readonly<Record<HelplineTopic, string>> = {
  concern_for_person: 'Oro för person',
  general_question: 'Allmän fråga',
  material_request: 'Beställning av material',
  other: 'Annat',
};

export interface CountableContact {
  /** null: the city's own helpline, referred to no board. */
  boardId: string | null;
  contactedOn: string;
  callerType: CallerType;
  environment: Environment;
}

/** One row of the yearly summary: a board (or the city's own, id null). */
export interface HelplineRow<C = number> {
  boardId: string | null;
  total: C;
  byMonth: C[];
  byCallerType: Record<CallerType, C>;
  byEnvironment: Record<Environment, C>;
}

const DIMENSIONS = 12 + CALLER_TYPES.length + ENVIRONMENTS.length;

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Exact counts per row, for the year's contacts (contacts of other rows are ignored). One pass over the contacts. */
export function countContacts(rowIds: readonly (string | null)[], contacts: readonly CountableContact[]): HelplineRow[] {
  const rows = new Map<string | null, HelplineRow>();
  for (const boardId of rowIds) rows.set(boardId, { boardId, total: 0, byMonth: Array<number>(12).fill(0), byCallerType: zeros(CALLER_TYPES), byEnvironment: zeros(ENVIRONMENTS) });
  for (const c of contacts) {
    const row = rows.get(c.boardId);
    if (!row) continue;
    row.total++;
    row.byMonth[Number(c.contactedOn.slice(5, 7)) - 1]++;
    row.byCallerType[c.callerType]++;
    row.byEnvironment[c.environment]++;
  }
  return rowIds.map((id) => rows.get(id)!);
}

const flat = (r: HelplineRow): number[] => [r.total, ...r.byMonth, ...CALLER_TYPES.map((t) => r.byCallerType[t]), ...ENVIRONMENTS.map((e) => r.byEnvironment[e])];

function unflat<C>(boardId: string | null, v: C[]): HelplineRow<C> {
  return {
    boardId,
    total: v[0],
    byMonth: v.slice(1, 13),
    byCallerType: Object.fromEntries(CALLER_TYPES.map((t, i) => [t, v[13 + i]])) as Record<CallerType, C>,
    byEnvironment: Object.fromEntries(ENVIRONMENTS.map((e, i) => [e, v[13 + CALLER_TYPES.length + i]])) as Record<Environment, C>,
  };
}

/**
 * The rows and their column totals (the whole of what the reader sees) as one linked table:
 * in each row the months, the caller types and the environments each add up to the row's total;
 * each column adds up over the rows to the totals row. Small counts are suppressed ("<5") and as
 * many more as needed so none can be recomputed (src/domain/suppression.ts); the rows the reader
 * knows exactly (`known`, the reader's own board) count as known, so they cannot be subtracted
 * from the totals to reveal another board's small count. The reader's own rows are then shown exactly,
 * and the totals too when the reader knows every row.
 */
export function suppressHelpline(rows: readonly HelplineRow[], known: ReadonlySet<string | null>, threshold: number): { rows: HelplineRow<Cell>[]; totals: HelplineRow<Cell> } {
  const width = 1 + DIMENSIONS;
  const totals: number[] = Array(width).fill(0);
  const values: number[] = [];
  rows.forEach((r) => flat(r).forEach((v, j) => (values.push(v), (totals[j] += v))));
  values.push(...totals);
  const at = (i: number, j: number) => i * width + j;
  const relations = new Relations();
  const groups = [
    [1, 12],
    [13, 13 + CALLER_TYPES.length - 1],
    [13 + CALLER_TYPES.length, width - 1],
  ];
  for (let i = 0; i <= rows.length; i++) {
    for (const [from, to] of groups) relations.addRange(at(i, from), to - from + 1, 1, at(i, 0));
  }
  for (let j = 0; j < width; j++) relations.addRange(at(0, j), rows.length, width, at(rows.length, j));
  const knownAt = new Set<number>();
  rows.forEach((r, i) => {
    if (known.has(r.boardId)) for (let j = 0; j < width; j++) knownAt.add(at(i, j));
  });
  // A reader who knows every row knows the totals too (a board's own coordinator reading only their board).
  const shown = rows.every((r) => known.has(r.boardId)) ? values : suppressRelations(values, relations, threshold, knownAt);
  return {
    rows: rows.map((r, i) => (known.has(r.boardId) ? (r as HelplineRow<Cell>) : unflat<Cell>(r.boardId, shown.slice(at(i, 0), at(i, 0) + width)))),
    totals: unflat<Cell>(null, shown.slice(at(rows.length, 0))),
  };
}

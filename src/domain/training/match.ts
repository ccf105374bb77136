/**
 * Matches the board and unit names/codes of imported rows to the organisation register.
 *
 * Boards: by code, then by name, then by name without the words that files add or leave out
 * ("stadsdelsförvaltning", "stadsdelsnämnd", "sdf", "sdn", "förvaltningen", "nämnden", a genitive
 * s), so "Enskede-Årsta-Vantörs stadsdelsförvaltning" matches "Enskede-Årsta-Vantör"; last by
 * initials ("EÅV sdf"). All comparisons ignore case, diacritics, punctuation and whitespace.
 * A name that fits more than one board at the same step is not guessed.
 * Units: within the matched board, by code, then by name.
 *
 * Names that cannot be matched are returned once each, with the lines they occur on and a `key`;
 * the user's choices come back as `mapping[key] = boardId` (for a board) or `unitId` (for a unit).
 */
import type { OrgRef } from './parse-headcounts.js';

export interface BoardRef {
  id: string;
  name: string;
  code: string | null;
}
export interface UnitRef {
  id: string;
  boardId: string;
  name: string;
  code: string | null;
}

export type Matched<R> = R & { boardId: string; unitId: string | null };

export interface Unmatched {
  kind: 'board' | 'unit';
  /** The name (or code) as written in the file (first occurrence). */
  name: string;
  /** For a unit: the board it was looked for in. */
  boardId?: string;
  /** Use as the key of `mapping` when the user has chosen the board/unit. */
  key: string;
  /** True when the name fits several boards/units rather than none. */
  ambiguous: boolean;
  lines: number[];
}

export interface MatchResult<R> {
  matched: Matched<R>[];
  unmatched: Unmatched[];
}

/** Case, diacritics, punctuation and whitespace removed, as space-separated tokens. */
function tokens(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function compactKey(s: string): string {
  return tokens(s).join('');
}
const compactKeyOf = compactKey;

const ORG_WORDS = new Set([
  'stadsdelsforvaltning', 'stadsdelsforvaltningen', 'stadsdelsnamnd', 'stadsdelsnamnden', 'sdf', 'sdn',
  'stadsdel', 'stadsdelen', 'forvaltning', 'forvaltningen', 'namnd', 'namnden',
]);
const ORG_SUFFIXES = ['forvaltningen', 'forvaltning', 'namnden', 'namnd', 'kontoret'];

/** The forms a board name can take in a file, most specific first. */
export function boardNameVariants(name: string): string[] {
  const t = tokens(name);
  const variants = new Set<string>();
  const add = (ts: string[]) => {
    if (ts.length === 0) return;
    variants.add(ts.join(''));
    const last = ts[ts.length - 1];
    if (last.length > 3 && last.endsWith('s')) variants.add([...ts.slice(0, -1), last.slice(0, -1)].join(''));
  };
  add(t);
  const stripped = t.filter((w) => !ORG_WORDS.has(w));
  add(stripped);
  // "Socialförvaltningen" / "Socialnämnden" → "social"
  if (stripped.length > 0) {
    const last = stripped[stripped.length - 1];
    for (const suffix of ORG_SUFFIXES) {
      if (last.endsWith(suffix) && last.length - suffix.length >= 3) {
        add([...stripped.slice(0, -1), last.slice(0, -suffix.length)]);
        break;
      }
    }
  }
  return [...variants];
}

/** Initials of a multi-word board name without the organisation words: "Enskede-Årsta-Vantör" → "eav". */
export function boardInitials(name: string): string | null {
  const t = tokens(name).filter((w) => !ORG_WORDS.has(w));
  return t.length >= 2 ? t.map((w) => w[0]).join('') : null;
}

/** Exactly one candidate wins; several = ambiguous; none = try the next rule. */
type Pick<T> = { found: T } | { ambiguous: true } | null;

function pick<T extends { id: string }>(candidates: T[]): Pick<T> {
  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
  if (unique.length === 1) return { found: unique[0] };
  if (unique.length > 1) return { ambiguous: true };
  return null;
}

function firstPick<T extends { id: string }>(rules: (() => T[])[]): Pick<T> {
  for (const rule of rules) {
    const p = pick(rule());
    if (p) return p;
  }
  return null;
}

function findBoard(row: OrgRef, boards: BoardRef[]): Pick<BoardRef> {
  const codes = [row.boardCode, row.board].filter((v): v is string => !!v).map(compactKey);
  const nameKey = compactKey(row.board);
  const rowVariants = new Set(boardNameVariants(row.board));
  return firstPick([
    () => boards.filter((b) => b.code && codes.includes(compactKey(b.code))),
    () => boards.filter((b) => compactKey(b.name) === nameKey),
    () => boards.filter((b) => boardNameVariants(b.name).some((v) => rowVariants.has(v))),
    () => boards.filter((b) => {
      const initials = boardInitials(b.name);
      return initials !== null && rowVariants.has(initials);
    }),
  ]);
}

function findUnit(row: OrgRef, units: UnitRef[]): Pick<UnitRef> {
  const codes = [row.unitCode, row.unit].filter((v): v is string => !!v).map(compactKey);
  const nameKey = compactKey(row.unit ?? '');
  return firstPick([
    () => units.filter((u) => u.code && codes.includes(compactKey(u.code))),
    () => (nameKey ? units.filter((u) => compactKey(u.name) === nameKey) : []),
  ]);
}

export function boardMappingKey(row: OrgRef): string {
  return row.board;
}
export function unitMappingKey(boardId: string, row: OrgRef): string {
  return `${boardId}/${compactKey(row.unitCode ?? row.unit ?? '')}`;
}

export function matchOrg<R extends OrgRef>(
  rows: R[],
  boards: BoardRef[],
  units: UnitRef[],
  mapping: Record<string, string> = {},
): MatchResult<R> {
  // Files repeat the same few names on every row: normalise each distinct string once.
  const keys = new Map<string, string>();
  const compactKey = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = compactKeyOf(s)));
    return k;
  };
  const unitMappingKey = (boardId: string, row: OrgRef) => `${boardId}/${compactKey(row.unitCode ?? row.unit ?? '')}`;
  const boardById = new Map(boards.map((b) => [b.id, b]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const unitsByBoard = new Map<string, UnitRef[]>();
  for (const u of units) unitsByBoard.set(u.boardId, [...(unitsByBoard.get(u.boardId) ?? []), u]);
  // Mapping keys are compared like names, so "EÅV sdf" and "eav SDF" are the same choice.
  const mapped = new Map(Object.entries(mapping).map(([k, v]) => [compactKey(k) || k, v]));
  const lookup = (key: string) => mapped.get(compactKey(key) || key);

  const boardCache = new Map<string, Pick<BoardRef>>();
  const unitCache = new Map<string, Pick<UnitRef>>();
  const matched: Matched<R>[] = [];
  const unmatched = new Map<string, Unmatched>();
  const miss = (u: Omit<Unmatched, 'lines'>, line: number) => {
    const id = `${u.kind}:${compactKey(u.key) || u.key}`;
    const entry = unmatched.get(id) ?? { ...u, lines: [] };
    entry.lines.push(line);
    unmatched.set(id, entry);
  };

  for (const row of rows) {
    // Board
    const bKey = boardMappingKey(row);
    let board: BoardRef | undefined;
    const mappedBoard = lookup(bKey);
    if (mappedBoard !== undefined) board = boardById.get(mappedBoard);
    let ambiguous = false;
    if (!board) {
      const cacheKey = `${compactKey(row.boardCode ?? '')}|${compactKey(row.board)}`;
      let p = boardCache.get(cacheKey);
      if (p === undefined) boardCache.set(cacheKey, (p = findBoard(row, boards)));
      if (p && 'found' in p) board = p.found;
      else ambiguous = p !== null;
    }
    if (!board) {
      miss({ kind: 'board', name: row.board, key: bKey, ambiguous }, row.line);
      continue;
    }

    // Unit (none = the board as a whole)
    if (row.unit === null && row.unitCode === null) {
      matched.push({ ...row, boardId: board.id, unitId: null });
      continue;
    }
    const uKey = unitMappingKey(board.id, row);
    const mappedUnit = unitById.get(mapping[uKey] ?? '');
    if (mappedUnit && mappedUnit.boardId === board.id) {
      matched.push({ ...row, boardId: board.id, unitId: mappedUnit.id });
      continue;
    }
    let p = unitCache.get(uKey + '|' + compactKey(row.unit ?? ''));
    if (p === undefined) {
      p = findUnit(row, unitsByBoard.get(board.id) ?? []);
      unitCache.set(uKey + '|' + compactKey(row.unit ?? ''), p);
    }
    if (p && 'found' in p) {
      matched.push({ ...row, boardId: board.id, unitId: p.found.id });
      continue;
    }
    miss({ kind: 'unit', name: row.unit ?? row.unitCode ?? '', boardId: board.id, key: uKey, ambiguous: p !== null }, row.line);
  }
  return { matched, unmatched: [...unmatched.values()] };
}

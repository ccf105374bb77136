/**
 * The same person completing the same course more than once (re-exports, retakes, two rows for
 * two platforms) counts once: the earliest completion is kept, with the unit it was recorded in.
 * A completion beats a row that only says the course is started, whatever the dates.
 */

export interface Completable {
  line: number;
  employeeKey: string;
  course: string | null;
  completedOn: string;
  started?: boolean;
}

export interface DedupeResult<R> {
  /** One row per employee key and course, in the order the pair first occurs. */
  rows: R[];
  /** How many rows were merged into another. */
  merged: number;
  /** Each dropped row and the row kept in its place. */
  duplicates: { line: number; keptLine: number }[];
}

/** Courses compare ignoring case, diacritics, punctuation and spacing. */
function courseKey(course: string | null): string {
  if (course === null) return '';
  return course.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function dedupeCompletions<R extends Completable>(rows: R[]): DedupeResult<R> {
  const kept = new Map<string, R>();
  const dropped: { row: R; key: string }[] = [];
  for (const row of rows) {
    const key = `${row.employeeKey}\u0000${courseKey(row.course)}`;
    const current = kept.get(key);
    if (!current) {
      kept.set(key, row);
    } else if (!!current.started !== !!row.started ? !row.started : row.completedOn < current.completedOn) {
      dropped.push({ row: current, key });
      kept.set(key, row);
    } else {
      dropped.push({ row, key });
    }
  }
  return {
    rows: [...kept.values()],
    merged: dropped.length,
    duplicates: dropped
      .map(({ row, key }) => ({ line: row.line, keptLine: kept.get(key)!.line }))
      .sort((a, b) => a.line - b.line),
  };
}

/**
 * Counting people in completion rows of two kinds. A row with an employee key is one person, who
 * counts once however many rows carry the key (one list may name someone in two units). A row
 * without a key is a count the database made (`count` people, one by default), and the people it
 * counts are in no other row: the database stores one row per person and course, so its counts
 * per board, unit and date never overlap. Pure.
 */
export interface CountedRow {
  employeeKey?: string;
  count?: number;
}

export class People {
  private readonly keys = new Set<string>();
  private counted = 0;

  add(row: CountedRow): void {
    if (row.employeeKey !== undefined) this.keys.add(row.employeeKey);
    else this.counted += row.count ?? 1;
  }

  /** The people of `other` too (a department takes everyone under it). */
  addAll(other: People): void {
    for (const k of other.keys) this.keys.add(k);
    this.counted += other.counted;
  }

  get size(): number {
    return this.keys.size + this.counted;
  }
}

/** The People of each key, created on first use. */
export class PeopleBy<K> {
  readonly map = new Map<K, People>();

  add(key: K, row: CountedRow): void {
    let p = this.map.get(key);
    if (!p) this.map.set(key, (p = new People()));
    p.add(row);
  }

  size(key: K): number {
    return this.map.get(key)?.size ?? 0;
  }
}

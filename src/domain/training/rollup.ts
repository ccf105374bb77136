/**
 * A board's page: figures for every unit of its register, rolled up the unit tree, and the
 * history of its headcounts. Pure.
 */
import { percentOf, type Completion, type Coverage, type Headcount } from './coverage.js';
import { People, PeopleBy } from './people.js';

export interface RegisterUnit {
  id: string;
  parent_id: string | null;
  name: string;
}

/** A function giving the ids of a unit and of every unit under it (the unit first). */
export function subtreesOf(units: readonly { id: string; parent_id: string | null }[]): (id: string) => string[] {
  const children = childrenOf(units);
  return (id: string): string[] => {
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      const x = stack.pop()!;
      out.push(x);
      stack.push(...(children.get(x) ?? []));
    }
    return out;
  };
}

function childrenOf(units: readonly { id: string; parent_id: string | null }[]) {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  return children;
}

export interface RolledUpUnit {
  unitId: string | null;
  name: string;
  parentId: string | null;
  employees: number;
  completed: number;
  percent: number | null;
  headcountAsOf: string | null;
}

interface Figure {
  employees: number;
  keys: People;
  headcountAsOf: string | null;
}

/**
 * Figures for every unit of the register: a unit with its own headcount has its own figures; a
 * unit without one (a department, the administration) gets the sum of the units under it, and
 * the distinct people who completed anywhere under it (as of `asOf`).
 */
export function rollUp(coverage: Coverage, units: readonly RegisterUnit[], completions: readonly Completion[], asOf: string): RolledUpUnit[] {
  const own = new Map(coverage.units.map((u) => [u.unitId, u]));
  const children = childrenOf(units);
  const keysByUnit = new PeopleBy<string>();
  for (const c of completions) {
    if (c.unitId === null || c.completedOn > asOf) continue;
    keysByUnit.add(c.unitId, c);
  }
  const memo = new Map<string, Figure>();
  const figure = (id: string, seen = new Set<string>()): Figure => {
    const cached = memo.get(id);
    if (cached) return cached;
    seen.add(id);
    const kids = (children.get(id) ?? []).filter((k) => !seen.has(k)).map((k) => figure(k, seen));
    const keys = new People();
    const mine = keysByUnit.map.get(id);
    if (mine) keys.addAll(mine);
    for (const k of kids) keys.addAll(k.keys);
    const o = own.get(id);
    const result =
      o && o.headcountAsOf !== null
        ? { employees: o.employees, keys, headcountAsOf: o.headcountAsOf }
        : {
            employees: kids.reduce((s, k) => s + k.employees, 0),
            keys,
            headcountAsOf: kids.reduce<string | null>((d, k) => (k.headcountAsOf !== null && (d === null || k.headcountAsOf > d) ? k.headcountAsOf : d), null),
          };
    memo.set(id, result);
    return result;
  };
  return units.map((u) => {
    const f = figure(u.id);
    return {
      unitId: u.id as string | null,
      name: u.name,
      parentId: u.parent_id,
      employees: f.employees,
      completed: f.keys.size,
      percent: percentOf(f.keys.size, f.employees),
      headcountAsOf: f.headcountAsOf,
    };
  });
}

/** Distinct people registered on the board without a unit, as of `asOf`. */
export function completedWithoutUnit(completions: readonly Completion[], asOf: string): number {
  const people = new People();
  for (const c of completions) if (c.unitId === null && c.completedOn <= asOf) people.add(c);
  return people.size;
}

/**
 * The board's headcount history, newest first: per date the employees and how many units
 * reported. A board-level total is the board's figure for that date; unit rows add up.
 */
export function headcountHistory(headcounts: readonly Headcount[]): { asOf: string; employees: number; units: number }[] {
  const history = new Map<string, { employees: number; units: number }>();
  for (const h of headcounts) {
    const e = history.get(h.asOf) ?? { employees: 0, units: 0 };
    history.set(h.asOf, h.unitId === null ? { employees: h.employees, units: e.units } : { employees: e.employees + h.employees, units: e.units + 1 });
  }
  return [...history.entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([d, v]) => ({ asOf: d, ...v }));
}

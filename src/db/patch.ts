/** The keys of a PATCH that were actually given; an UPDATE with an empty SET is an SQL error. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const isEmpty = (o: object) => Object.keys(o).length === 0;

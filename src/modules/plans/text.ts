/** Small helpers the plan services share. */

/** Blank text is stored as null. */
export const orNull = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s);

/** A PostgreSQL unique violation (two requests creating the same plan at once). */
export function uniqueViolation(e: unknown): boolean {
  return !!e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === '23505';
}

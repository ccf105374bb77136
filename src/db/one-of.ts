import { sql } from 'kysely';

/**
 * `column` is one of `ids`: one array parameter, not one per id (300 boards at a city, where a
 * parameter list is slow to bind and plan).
 */
export const oneOf = (column: string, ids: readonly string[]) => sql<boolean>`${sql.ref(column)} = any(${ids}::uuid[])`;

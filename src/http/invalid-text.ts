import type { FastifyInstance } from 'fastify';
import { badRequest, type FieldError } from './errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL cannot store, or that is not text at all: a NUL character (PostgreSQL refuses it
 * in `text`, which used to surface as a 500) and lone UTF-16 surrogates (JSON can carry `\ud800`;
 * written to the database it would silently become U+FFFD).
 */
function problemIn(value: string): string | null {
  if (value.includes('\u0000')) return 'Texten innehåller ett osynligt styrtecken (NUL) som inte kan sparas. Ta bort det och försök igen.';
  if (LONE_SURROGATE.test(value)) return 'Texten innehåller ett trasigt tecken som inte kan sparas. Skriv in texten på nytt och försök igen.';
  return null;
}

const MAX_DEPTH = 64;

/**
 * Every string (and object key) in `value` that PostgreSQL cannot store, by its path in the
 * dotted form the validation errors use (`roles.0.boardId`). Walks parsed JSON, query strings and
 * path parameters; buffers and streams (uploaded files) are not text and are skipped.
 */
export function findInvalidText(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string') {
    const message = problemIn(value);
    return message ? [{ field: path, message }] : [];
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return [];
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) return value.flatMap((v, i) => findInvalidText(v, at(i), depth + 1));
  // Query strings come as objects of their own class; files and streams are not text.
  if (ArrayBuffer.isView(value) || value instanceof Date || typeof (value as { pipe?: unknown }).pipe === 'function') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const message = problemIn(key);
    const keyProblem = message ? [{ field: at(key.replace(/\u0000/g, '\\0')), message }] : [];
    return [...keyProblem, ...findInvalidText(v, at(key), depth + 1)];
  });
}

/**
 * One check for every route, instead of one per schema: a request whose body, query string or
 * path holds invalid text gets 400 naming each field, before validation and before any handler
 * could pass it to the database. Registered after the guard's role check, so a user without the
 * right still gets 403 first.
 */
export function registerInvalidTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields = [
      ...findInvalidText(request.params),
      ...findInvalidText(request.query),
      ...findInvalidText(request.body),
    ];
    if (fields.length) throw badRequest('Förfrågan innehåller tecken som inte kan sparas. Rätta fälten och försök igen.', fields);
  });
}

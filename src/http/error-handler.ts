import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.js';
import { RETRY_AFTER_SECONDS } from './heavy-work.js';

function send(reply: FastifyReply, status: number, code: string, message: string, fields?: FieldError[]) {
  return reply.status(status).send({ error: fields?.length ? { code, message, fields } : { code, message } });
}

/**
 * PostgreSQL errors (the same SQLSTATE codes from pg and PGlite) that are a race or the client's
 * input, not a fault of the server. A service checks first (e.g. "is the name taken?"), but two
 * requests can pass that check together; the database's unique key then decides, and the loser
 * gets the same 409 the check would have given. Messages never name tables or constraints.
 */
const DATABASE_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  // unique_violation
  '23505': {
    status: 409,
    code: 'conflict',
    message: 'Det finns redan en post med de uppgifterna, kanske sparad av någon annan alldeles nyss. Ladda om sidan och kontrollera.',
  },
  // foreign_key_violation: what the request refers to was removed meanwhile
  '23503': {
    status: 409,
    code: 'conflict',
    message: 'Något som förfrågan hänvisar till har ändrats eller tagits bort under tiden. Ladda om sidan och försök igen.',
  },
  // serialization_failure, deadlock_detected
  '40001': { status: 409, code: 'conflict', message: 'Någon annan ändrade samma sak samtidigt. Försök igen.' },
  '40P01': { status: 409, code: 'conflict', message: 'Någon annan ändrade samma sak samtidigt. Försök igen.' },
  // character_not_in_repertoire, untranslatable_character: text the hook in invalid-text.ts missed
  '22021': { status: 400, code: 'invalid_request', message: 'Texten innehåller tecken som inte kan sparas. Ta bort dem och försök igen.' },
  '22P05': { status: 400, code: 'invalid_request', message: 'Texten innehåller tecken som inte kan sparas. Ta bort dem och försök igen.' },
};

/** Maps every error to the API.md shape. No stack trace or SQL ever reaches a client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    try {
      return handle(err, request, reply);
    } catch (inner) {
      request.log.error({ err: inner, original: err }, 'error handler failed');
      return send(reply, 500, 'internal', 'Ett oväntat fel inträffade. Försök igen senare.');
    }
  });

  function handle(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (err instanceof AppError) {
      if (err.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(reply, err.status, err.code, err.message, err.fields);
    }

    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const keys = (v.params as { keys?: string[] }).keys;
        if (v.keyword === 'unrecognized_keys' && keys?.length) {
          return { field: [path, keys.join(', ')].filter(Boolean).join('.'), message: `Okänt fält: ${keys.join(', ')}.` };
        }
        return { field: path || (err.validationContext ?? 'body'), message: v.message ?? 'Ogiltigt värde.' };
      });
      return send(reply, 400, 'invalid_request', 'Uppgifterna är inte giltiga. Rätta fälten och försök igen.', fields);
    }
    const database = typeof err.code === 'string' ? DATABASE_ERRORS[err.code] : undefined;
    if (database && !err.statusCode) {
      request.log.warn({ sqlState: err.code }, 'database refused a write');
      return send(reply, database.status, database.code, database.message);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return send(reply, 500, 'internal', 'Ett oväntat fel inträffade. Försök igen senare.');
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 400, 'invalid_json', 'Förfrågan är inte giltig JSON.');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_PARTS_LIMIT':
      case 'FST_FILES_LIMIT':
        return send(reply, 413, 'too_large', 'Det du skickade är för stort.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 415, 'unsupported_media_type', 'Formatet stöds inte. Skicka JSON.');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, 400, 'invalid_request', 'Förfrågans längd stämmer inte.');
    }
    if (err.statusCode === 429) return send(reply, 429, 'rate_limited', 'För många försök. Vänta en stund och försök igen.');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, err.statusCode, 'invalid_request', 'Förfrågan kunde inte behandlas.');
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', 'Ett oväntat fel inträffade. Försök igen senare.');
  }

  app.setNotFoundHandler((request, reply) => send(reply, 404, 'not_found', 'Sidan eller resursen finns inte.'));
}

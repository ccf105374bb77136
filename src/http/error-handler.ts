import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.js';

function send(reply: import('fastify').FastifyReply, status: number, code: string, message: string, fields?: FieldError[]) {
  return reply.status(status).send({ error: fields?.length ? { code, message, fields } : { code, message } });
}

const fieldName = (path: readonly PropertyKey[] | undefined, fallback = '') =>
  (path ?? []).map(String).join('.') || fallback;

/** Maps every error to the API.md shape. No stack trace or SQL ever reaches a client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return send(reply, err.status, err.code, err.message, err.fields);

    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => {
        const issue = v.params.issue as { path?: PropertyKey[]; code?: string; keys?: string[] };
        const base = fieldName(issue.path, v.instancePath.replace(/^\//, '').replace(/\//g, '.'));
        if (issue.code === 'unrecognized_keys') {
          return { field: issue.keys?.join(', ') ?? base, message: `Okänt fält: ${issue.keys?.join(', ')}.` };
        }
        return { field: base || 'body', message: v.message ?? 'Ogiltigt värde.' };
      });
      return send(reply, 400, 'invalid_request', 'Uppgifterna är inte giltiga. Rätta fälten och försök igen.', fields);
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
  });

  app.setNotFoundHandler((request, reply) => send(reply, 404, 'not_found', 'Sidan eller resursen finns inte.'));
}

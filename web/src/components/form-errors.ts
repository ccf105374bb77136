/** Field errors as forms show them: one message per field, keyed by the field's name. */
export interface FieldErrors {
  [field: string]: string | undefined;
}

/** Maps an API error's `fields` to form fields (first message per field): 'roles.0.boardId' goes to 'roles'. */
export function fieldErrors(fields: { field: string; message: string }[] | undefined, known: string[], fallback: string): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fields ?? []) {
    const key = known.find((k) => f.field === k || f.field.startsWith(`${k}.`)) ?? fallback;
    out[key] ??= f.message;
  }
  return out;
}

/** Field errors from anything a submit threw: the API's per-field messages, else its message on `fallback`. */
export function errorsFrom(err: unknown, known: string[], fallback: string, networkMessage: string): FieldErrors {
  if (err && typeof err === 'object' && 'body' in err) {
    const body = (err as { body: { message: string; fields?: { field: string; message: string }[] } }).body;
    return body.fields?.length ? fieldErrors(body.fields, known, fallback) : { [fallback]: body.message };
  }
  return { [fallback]: networkMessage };
}

/** The first message found in a react-hook-form error entry (an array's or object's first nested one). */
function firstMessage(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const message = (entry as { message?: unknown }).message;
  if (typeof message === 'string' && message) return message;
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'ref' || key === 'types') continue;
    const nested = firstMessage(value);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * react-hook-form's (nested) errors as one message per top-level field, in the order the fields
 * stand in the form (`order`), so the error summary lists them as a reader meets them.
 */
export function summaryOf(errors: Record<string, unknown>, order: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const name of [...order, ...Object.keys(errors).filter((k) => !order.includes(k))]) {
    const message = firstMessage(errors[name]);
    if (message) out[name] = message;
  }
  return out;
}

/** An input's text as a number for a zod number field: blank is "not given", other text NaN (invalid). */
export const asNumber = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v);

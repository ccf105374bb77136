/** The one place the web app talks to the server: JSON, the session cookie and the CSRF token. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

/** What a request that never reached the server (offline, DNS, a dropped connection) shows. */
export const NETWORK_ERROR: ApiErrorBody = { code: 'network', message: 'Det gick inte att nå Värna. Kontrollera anslutningen och försök igen.' };

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Told about every write that succeeded, so cached reads can be dropped (see query-client.ts).
 * `tracked` is true for writes made through `useApiMutation`, which invalidates by itself.
 */
type WriteListener = (method: Method, path: string, tracked: boolean) => void;
let onWrite: WriteListener = () => undefined;
export const setWriteListener = (listener: WriteListener) => {
  onWrite = listener;
};

async function send<T>(method: Method, path: string, init: { headers: Record<string, string>; body?: BodyInit }, tracked: boolean): Promise<T> {
  if (method !== 'GET' && csrfToken) init.headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers: init.headers, body: init.body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, NETWORK_ERROR);
  }
  const data = res.status === 204 ? undefined : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error ?? { code: 'network', message: 'Något gick fel. Försök igen.' });
  if (method !== 'GET') onWrite(method, path, tracked);
  return data as T;
}

/** A JSON request. A write made here (not through `useApiMutation`) marks every cached read stale. */
export function api<T>(method: Method | string, path: string, body?: unknown, tracked = false): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(method as Method, path, { headers, body: body === undefined ? undefined : JSON.stringify(body) }, tracked);
}

/** A multipart/form-data POST (file uploads): `fields` are appended in order, a File with its name. */
export function upload<T>(path: string, fields: Record<string, string | File | undefined>, tracked = false): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof File) form.append(name, value, value.name);
    else if (value !== undefined) form.append(name, value);
  }
  return send<T>('POST', path, { headers: {}, body: form }, tracked);
}

export const get = <T>(path: string) => api<T>('GET', path);

import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.js';
import { SESSION_COOKIE } from '../../src/http/session-cookie.js';

/** A multipart body with one file in the field `field` (default `file`), after the text `fields` if any. */
export function multipartFile(bytes: Uint8Array, filename: string, contentType = 'application/octet-stream', field = 'file', fields: Record<string, string> = {}) {
  const boundary = '----varna' + Math.random().toString(16).slice(2);
  const texts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { payload: Buffer.concat([...texts, head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface Uploader {
  upload(url: string, bytes: Uint8Array, filename: string, contentType?: string, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
}

/** A session that can send multipart uploads (the JSON test client cannot) and read raw files. */
export async function uploader(t: TestApp, email: string, password = 'varna-demo-losenord'): Promise<Uploader> {
  const res = await t.anonymous.post('/api/session', { email, password });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode}`);
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
  const cookie = `${c.name}=${c.value}`;
  const csrf = res.json().csrfToken as string;
  return {
    upload(url, bytes, filename, contentType, fields) {
      const body = multipartFile(bytes, filename, contentType, 'file', fields);
      return t.app.inject({ method: 'POST', url, headers: { 'content-type': body.contentType, cookie, 'x-csrf-token': csrf }, payload: body.payload });
    },
    get: (url) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
  };
}

import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

/** Text types worth compressing: JSON, HTML, CSV, SVG and other XML, scripts (as @fastify/compress judges them). */
const COMPRESSIBLE = /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]xml(?:;|$)|javascript(?:;|$)/u;
/** Below this, compression saves less than it costs (the plugin's own threshold). */
const MIN_BYTES = 1024;
/**
 * Above this, compression runs on libuv's thread pool instead of blocking the event loop: a whole
 * city's report is a megabyte.
 */
const MAX_SYNC_BYTES = 64 * 1024;
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/** The plugin's own brotli quality: 11, the default, costs many times more for a little less. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

export type TextEncoding = 'br' | 'gzip';

/** The encoding for a text answer to this request (brotli, else gzip), or undefined to send it as it is. */
export function acceptedTextEncoding(request: FastifyRequest): TextEncoding | undefined {
  if (request.headers['x-no-compression'] !== undefined) return undefined;
  const accepted = request.headers['accept-encoding'];
  const encoding = accepted ? negotiate(accepted.toLowerCase().replace(/\bx-gzip\b/g, 'gzip'), ['br', 'gzip']) : undefined;
  return encoding === 'br' || encoding === 'gzip' ? encoding : undefined;
}

/**
 * `payload` compressed with `encoding` (a large one on the thread pool), or as it is when there is no
 * encoding or it is too small to be worth it; `encoding` is what the body ended up in.
 */
export async function encodeText(payload: Buffer | string, encoding: TextEncoding | undefined): Promise<{ body: Buffer | string; encoding?: TextEncoding }> {
  const size = Buffer.byteLength(payload);
  if (!encoding || size < MIN_BYTES) return { body: payload };
  if (size <= MAX_SYNC_BYTES) return { body: encoding === 'br' ? brotliCompressSync(payload, BROTLI) : gzipSync(payload), encoding };
  return { body: await (encoding === 'br' ? brotliAsync(payload, BROTLI) : gzipAsync(payload)), encoding };
}

/** Headers for a body already compressed with `encoding`; the hook below then leaves it alone. */
export function markEncoded(reply: FastifyReply, encoding: TextEncoding): void {
  const vary = reply.getHeader('vary');
  if (!(typeof vary === 'string' && /accept-encoding/i.test(vary))) reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  reply.header('content-encoding', encoding);
  reply.removeHeader('content-length');
}

/**
 * Compresses a text answer that is already in memory (an API answer, the HTML shell) in one
 * synchronous call and sends it with its length, in one write. @fastify/compress pipes every answer
 * through a zlib stream; for the few kilobytes of a typical API answer that machinery (streams,
 * chunked transfer, several socket writes) cost more than the compression itself (issue 11:
 * GET /api/me under 50 connections). A large answer (the city report) is compressed in one call on
 * the thread pool and also sent in one write: through the plugin's stream it took about 15 ms more
 * than the compression itself. The header it sets makes the plugin leave the answer alone; streams
 * (files, exports) still go through the plugin.
 */
export function registerInMemoryCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return payload;
    const { body, encoding } = await encodeText(payload, acceptedTextEncoding(request));
    if (encoding) markEncoded(reply, encoding);
    return body;
  });
}

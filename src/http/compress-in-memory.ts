import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text types worth compressing: JSON, HTML, CSV, SVG and other XML, scripts (as @fastify/compress judges them). */
const COMPRESSIBLE = /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]xml(?:;|$)|javascript(?:;|$)/u;
/** Below this, compression saves less than it costs (the plugin's own threshold). */
const MIN_BYTES = 1024;
/**
 * Above this, the plugin's zlib stream does the work on libuv's thread pool instead of blocking the
 * event loop: a whole city's report is a megabyte.
 */
const MAX_BYTES = 64 * 1024;
/** The plugin's own brotli quality: 11, the default, costs many times more for a little less. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * Compresses a text answer that is already in memory (an API answer, the HTML shell) in one
 * synchronous call and sends it with its length, in one write. @fastify/compress pipes every answer
 * through a zlib stream; for the few kilobytes of a typical API answer that machinery (streams,
 * chunked transfer, several socket writes) cost more than the compression itself (issue 11:
 * GET /api/me under 50 connections). The header it sets makes the plugin leave the answer alone;
 * streams (files, exports) and large answers still go through the plugin.
 */
export function registerInMemoryCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding') || request.headers['x-no-compression'] !== undefined) return payload;
    const size = Buffer.byteLength(payload);
    if (size < MIN_BYTES || size > MAX_BYTES) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return payload;
    const accepted = request.headers['accept-encoding'];
    const encoding = accepted ? negotiate(accepted.toLowerCase().replace(/\bx-gzip\b/g, 'gzip'), ['br', 'gzip']) : undefined;
    if (encoding !== 'br' && encoding !== 'gzip') return payload;
    const vary = reply.getHeader('vary');
    if (!(typeof vary === 'string' && /accept-encoding/i.test(vary))) reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return encoding === 'br' ? brotliCompressSync(payload, BROTLI) : gzipSync(payload);
  });
}

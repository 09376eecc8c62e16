import type { ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';

/** Below this a JSON answer is sent as it is: compressing would cost more than the bytes it saves. */
const MIN_BYTES = 1024;

/**
 * A JSON answer's body, compressed for the browser that asked when it is large enough (brotli at a fast level, else
 * gzip), with the headers that say so. API answers are made per request, so unlike the app's files they are
 * compressed on the fly.
 */
export function encodeJson(res: ServerResponse, text: string): { body: Buffer; headers: Record<string, string> } {
  const raw = Buffer.from(text);
  const vary = { Vary: 'Accept-Encoding' };
  if (raw.length < MIN_BYTES) return { body: raw, headers: vary };
  // What the browser accepts at all (q=0 refuses); brotli first when both are.
  const accepted = new Negotiator(res.req).encodings(['br', 'gzip']);
  const encoding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : 'identity';
  if (encoding === 'br') {
    return { body: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }), headers: { ...vary, 'Content-Encoding': 'br' } };
  }
  if (encoding === 'gzip') return { body: gzipSync(raw, { level: 6 }), headers: { ...vary, 'Content-Encoding': 'gzip' } };
  return { body: raw, headers: vary };
}

import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; code: string; reason: string };

/** Reads a JSON request body: only application/json, at most `limit` bytes, parsed (not yet validated). */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, status: 415, code: 'BODY_NOT_JSON', reason: 'send the body as application/json' };
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return { ok: false, status: 413, code: 'BODY_TOO_LARGE', reason: `body larger than ${limit} bytes` };
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    // Events rather than for-await: leaving a for-await early destroys the socket before the 413 is written.
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) settle({ ok: false, status: 413, code: 'BODY_TOO_LARGE', reason: `body larger than ${limit} bytes` });
      else chunks.push(chunk);
    });
    req.on('error', () => settle({ ok: false, status: 400, code: 'BODY_UNREADABLE', reason: 'the body could not be read' }));
    req.on('end', () => {
      try {
        settle({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        settle({ ok: false, status: 400, code: 'BODY_INVALID_JSON', reason: 'the body is not valid JSON' });
      }
    });
  });
}

import * as z from 'zod/mini';

/** Why a call to one of a map's routes failed: the server's code and plain-words message, or `network`. */
export class MapApiError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(message);
    this.name = 'MapApiError';
  }
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Calls `/api/rooms/<room><path>` with this person's link token (and any extra headers), and returns the parsed
 * JSON answer; a refusal becomes a MapApiError with the server's code.
 */
export async function mapApiCall(room: string, token: string, path: string, init: RequestInit = {}): Promise<unknown> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(`/api/rooms/${encodeURIComponent(room)}${path}`, { ...init, headers });
  } catch (err) {
    throw new MapApiError('network', 0, err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = errorSchema.safeParse(body);
    throw new MapApiError(e.success ? e.data.error.code : 'http', res.status, e.success ? e.data.error.message : `HTTP ${res.status}`);
  }
  return body;
}

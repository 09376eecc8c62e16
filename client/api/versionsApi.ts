import { z } from 'zod';
import { parseMapFile } from '../../shared/exchange/parseMapFile';
import type { MapSnapshot } from '../../shared/model/schema';

/** A version of a map as the server lists it (server/versions/versionMeta.ts). */
const versionSchema = z.object({
  id: z.string(),
  name: z.string(),
  note: z.string(),
  createdAt: z.number(),
  automatic: z.boolean(),
  reason: z.enum(['named', 'leave', 'daily', 'restore', 'import', 'template']),
  createdBy: z.string(),
  counts: z.object({ cards: z.number(), relations: z.number(), commitments: z.number() }),
});
export type MapVersion = z.infer<typeof versionSchema>;

const listSchema = z.object({ versions: z.array(versionSchema) });
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const restoreSchema = z.object({ before: z.string(), map: z.unknown() });

/** Why a versions call failed: the server's code and message, or 'network'. */
export class VersionsApiError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(message);
    this.name = 'VersionsApiError';
  }
}

async function call(room: string, token: string, path: string, init: RequestInit = {}): Promise<unknown> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(`/api/rooms/${encodeURIComponent(room)}/versions${path}`, { ...init, headers });
  } catch (err) {
    throw new VersionsApiError('network', 0, err instanceof Error ? err.message : 'network error');
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
    throw new VersionsApiError(e.success ? e.data.error.code : 'http', res.status, e.success ? e.data.error.message : `HTTP ${res.status}`);
  }
  return body;
}

/** The map file of a version, through the same gate as any imported file. */
function snapshotOf(file: unknown): MapSnapshot {
  const parsed = parseMapFile(JSON.stringify(file));
  if (!parsed.ok) throw new VersionsApiError('VERSION_UNREADABLE', 200, parsed.errors[0]?.message.en ?? 'unreadable version');
  return parsed.snapshot;
}

export async function listVersions(room: string, token: string): Promise<MapVersion[]> {
  const parsed = listSchema.safeParse(await call(room, token, ''));
  if (!parsed.success) throw new VersionsApiError('bad-response', 200, 'unexpected answer from the server');
  return parsed.data.versions;
}

export async function saveVersion(room: string, token: string, body: { name?: string; note?: string; by?: string; reason?: 'template' | 'import' }): Promise<MapVersion> {
  const parsed = versionSchema.safeParse(await call(room, token, '', { method: 'POST', body: JSON.stringify(body) }));
  if (!parsed.success) throw new VersionsApiError('bad-response', 200, 'unexpected answer from the server');
  return parsed.data;
}

export async function renameVersion(room: string, token: string, id: string, name: string): Promise<void> {
  await call(room, token, `/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify({ name }) });
}

export async function deleteVersion(room: string, token: string, id: string): Promise<void> {
  await call(room, token, `/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

const readSchema = z.object({ version: versionSchema });

/** A version's map, through the import gate, with what the version is. */
export async function readVersion(room: string, token: string, id: string): Promise<MapSnapshot> {
  return (await readVersionWithMeta(room, token, id)).snapshot;
}

export async function readVersionWithMeta(room: string, token: string, id: string): Promise<{ snapshot: MapSnapshot; version: MapVersion }> {
  const body = await call(room, token, `/${encodeURIComponent(id)}`);
  const meta = readSchema.safeParse(body);
  if (!meta.success) throw new VersionsApiError('bad-response', 200, 'unexpected answer from the server');
  return { snapshot: snapshotOf(body), version: meta.data.version };
}

/**
 * Asks the server to keep the present as an automatic version and hand back the chosen one, which this browser
 * then applies itself, so its person can undo the restore with one Ctrl+Z.
 */
export async function prepareRestore(room: string, token: string, id: string, by?: string): Promise<MapSnapshot> {
  const parsed = restoreSchema.safeParse(await call(room, token, `/${encodeURIComponent(id)}/restore`, { method: 'POST', body: JSON.stringify({ apply: false, ...(by ? { by } : {}) }) }));
  if (!parsed.success) throw new VersionsApiError('bad-response', 200, 'unexpected answer from the server');
  return snapshotOf(parsed.data.map);
}

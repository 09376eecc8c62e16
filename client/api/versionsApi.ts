import * as z from 'zod/mini';
import { parseMapFile } from '../../shared/exchange/parseMapFile';
import type { MapSnapshot } from '../../shared/model/schema';
import { MapApiError, mapApiCall } from './mapApiCall';

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
const restoreSchema = z.object({ before: z.string(), map: z.unknown() });

const call = (room: string, token: string, path: string, init?: RequestInit) => mapApiCall(room, token, `/versions${path}`, init);

/** The map file of a version, through the same gate as any imported file. */
function snapshotOf(file: unknown): MapSnapshot {
  const parsed = parseMapFile(JSON.stringify(file));
  if (!parsed.ok) throw new MapApiError('VERSION_UNREADABLE', 200, parsed.errors[0]?.message.en ?? 'unreadable version');
  return parsed.snapshot;
}

export async function listVersions(room: string, token: string): Promise<MapVersion[]> {
  const parsed = listSchema.safeParse(await call(room, token, ''));
  if (!parsed.success) throw new MapApiError('bad-response', 200, 'unexpected answer from the server');
  return parsed.data.versions;
}

export async function saveVersion(room: string, token: string, body: { name?: string; note?: string; by?: string; reason?: 'template' | 'import' }): Promise<MapVersion> {
  const parsed = versionSchema.safeParse(await call(room, token, '', { method: 'POST', body: JSON.stringify(body) }));
  if (!parsed.success) throw new MapApiError('bad-response', 200, 'unexpected answer from the server');
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
  if (!meta.success) throw new MapApiError('bad-response', 200, 'unexpected answer from the server');
  return { snapshot: snapshotOf(body), version: meta.data.version };
}

/**
 * Asks the server to keep the present as an automatic version and hand back the chosen one, which this browser
 * then applies itself, so its person can undo the restore with one Ctrl+Z.
 */
export async function prepareRestore(room: string, token: string, id: string, by?: string): Promise<MapSnapshot> {
  const parsed = restoreSchema.safeParse(await call(room, token, `/${encodeURIComponent(id)}/restore`, { method: 'POST', body: JSON.stringify({ apply: false, ...(by ? { by } : {}) }) }));
  if (!parsed.success) throw new MapApiError('bad-response', 200, 'unexpected answer from the server');
  return snapshotOf(parsed.data.map);
}

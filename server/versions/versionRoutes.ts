import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiError, access, parseBody, sendJson, type ApiDeps } from '../apiCommon';
import { exportMapJson } from '../../shared/exchange/exportMapJson';
import { restoreSnapshot } from '../../shared/model/restoreSnapshot';
import { VOTES_COLLECTION } from '../../shared/participation/votes';
import { canEdit } from '../../shared/protocol/roles';
import { log } from '../log';
import { VersionUnreadableError, VersionsFullError } from './VersionStore';
import { AUTOMATIC_VERSION_NAMES, VERSION_ID_PATTERN, type VersionMeta } from './versionMeta';

/**
 * /api/rooms/<map>/versions[/<id>[/restore]]. Every link may list and read versions (a view link sees the map
 * anyway); edit and owner links save, rename and restore; only the owner deletes. Enforced here, whatever a client sends.
 */
export const VERSIONS_PATH = /^\/api\/rooms\/([^/]+)\/versions(?:\/([^/]+)(?:\/(restore))?)?$/;

const noControl = /^[^\u0000-\u001f\u007f]*$/;
const nameSchema = z.string().trim().min(1, 'name must not be empty').max(120, 'name must be at most 120 characters').regex(noControl, 'name must not contain control characters');
const noteSchema = z.string().trim().max(2000, 'note must be at most 2000 characters');
const bySchema = z.string().trim().max(80, 'by must be at most 80 characters').regex(noControl, 'by must not contain control characters');
/** A named version, or (with `reason`) the automatic one a client saves before it applies a template to a map with cards. */
const createSchema = z
  .strictObject({ name: nameSchema.optional(), note: noteSchema.optional(), by: bySchema.optional(), reason: z.enum(['template', 'import']).optional() })
  .refine((b) => b.name !== undefined || b.reason !== undefined, { message: 'name must not be empty', path: ['name'] });
const renameSchema = z.strictObject({ name: nameSchema.optional(), note: noteSchema.optional() }).refine((b) => b.name !== undefined || b.note !== undefined, 'give a name or a note');
const restoreSchema = z.strictObject({ apply: z.boolean().optional(), by: bySchema.optional() });

async function mayEdit(req: IncomingMessage, deps: ApiDeps, room: string): Promise<void> {
  const a = await access(req, deps, room, false);
  if (!canEdit(a.role)) throw new ApiError(403, 'EDIT_ONLY', 'a view link may look at versions but not save, rename or restore them');
}

/** A version with its map, or the API's refusal: 404 when unknown, 500 when its stored state is damaged. */
export async function loadVersion(deps: ApiDeps, room: string, id: string) {
  try {
    const found = await deps.versions.load(room, id);
    if (!found) throw new ApiError(404, 'VERSION_NOT_FOUND', 'this map has no version with that id');
    return found;
  } catch (err) {
    if (err instanceof VersionUnreadableError) throw new ApiError(500, 'VERSION_UNREADABLE', 'this version is damaged in storage and cannot be read; the map itself is not affected');
    throw err;
  }
}

/** A body that may be left out: POST …/restore without one applies the restore. */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
}

async function list(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  await access(req, deps, room, false);
  sendJson(res, 200, { room, versions: await deps.versions.list(room) });
}

async function create(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  await mayEdit(req, deps, room);
  const body = await parseBody(req, deps, createSchema);
  try {
    const what = body.reason
      ? { name: body.name ?? AUTOMATIC_VERSION_NAMES[body.reason], note: body.note, reason: body.reason, createdBy: body.by }
      : { name: body.name ?? '', note: body.note, reason: 'named' as const, createdBy: body.by };
    const meta = await deps.rooms.withRoom(room, (r) => deps.versions.save(room, r.doc, what));
    sendJson(res, 201, meta);
  } catch (err) {
    if (err instanceof VersionsFullError) throw new ApiError(409, 'VERSIONS_FULL', `this map has ${err.limit} versions, the most it may keep; delete a named version you no longer need`);
    throw err;
  }
}

async function read(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, id: string): Promise<void> {
  await access(req, deps, room, false);
  const { meta, snapshot } = await loadVersion(deps, room, id);
  // The map exchange format (it imports as a new map), with what the version is beside it.
  sendJson(res, 200, { ...exportMapJson(snapshot, undefined, { exportedAt: new Date(meta.createdAt), app: 'Mantelkaart' }), version: meta });
}

async function rename(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, id: string): Promise<void> {
  await mayEdit(req, deps, room);
  const body = await parseBody(req, deps, renameSchema);
  const meta = await deps.versions.rename(room, id, body);
  if (!meta) throw new ApiError(404, 'VERSION_NOT_FOUND', 'this map has no version with that id');
  sendJson(res, 200, meta);
}

async function remove(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, id: string): Promise<void> {
  await access(req, deps, room, true);
  if (!(await deps.versions.delete(room, id))) throw new ApiError(404, 'VERSION_NOT_FOUND', 'this map has no version with that id');
  sendJson(res, 200, { room, id, deleted: true });
}

/**
 * Saves the map as an automatic version, then brings it back to the chosen one as one change on top of the
 * present. With `{ "apply": false }` only the automatic version is saved and the chosen version is returned, so a
 * browser can apply the change itself and its person can undo it with Ctrl+Z.
 */
async function restore(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, id: string): Promise<void> {
  await mayEdit(req, deps, room);
  const body = hasBody(req) ? await parseBody(req, deps, restoreSchema) : {};
  const { meta, snapshot } = await loadVersion(deps, room, id);
  const apply = body.apply !== false;
  const before: VersionMeta = await deps.rooms.withRoom(room, async (r) => {
    const saved = await deps.versions.save(room, r.doc, { name: `${AUTOMATIC_VERSION_NAMES.restore} van “${meta.name}”`, reason: 'restore', createdBy: body.by });
    // Vote results stay as they are: a restore brings the map back, not the votes taken since (their ballots live on).
    if (apply) await r.change((doc) => restoreSnapshot(doc, snapshot, undefined, { keepCollections: [VOTES_COLLECTION] }));
    return saved;
  });
  log('VERSION_RESTORED', { room, id, applied: apply });
  sendJson(res, 200, { room, restored: id, before: before.id, applied: apply, ...(apply ? {} : { map: exportMapJson(snapshot, undefined, { exportedAt: new Date(meta.createdAt) }) }) });
}

/** Runs the versions route for a path VERSIONS_PATH matched; throws ApiError for anything refused. */
export async function handleVersions(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, id: string | undefined, sub: string | undefined): Promise<void> {
  const method = req.method ?? 'GET';
  if (id !== undefined && !VERSION_ID_PATTERN.test(id)) throw new ApiError(400, 'VERSION_ID_INVALID', 'invalid version id');
  if (id === undefined) {
    if (method === 'GET') return list(req, res, deps, room);
    if (method === 'POST') return create(req, res, deps, room);
  } else if (sub === undefined) {
    if (method === 'GET') return read(req, res, deps, room, id);
    if (method === 'PATCH') return rename(req, res, deps, room, id);
    if (method === 'DELETE') return remove(req, res, deps, room, id);
  } else if (method === 'POST') return restore(req, res, deps, room, id);
  throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
}

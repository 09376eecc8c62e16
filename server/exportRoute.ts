import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from './access';
import { ApiError, bearer, type ApiDeps } from './apiCommon';
import { log } from './log';
import { snapshotMap } from '../shared/model/mapDoc';
import { isValidRoomName, privateRoomOf } from '../shared/model/roomName';
import { canEdit } from '../shared/protocol/roles';
import { exportMapJson, stringifyMapFile } from '../shared/exchange/exportMapJson';
import { privateFieldsOf, type PrivateFieldsByNode } from '../shared/exchange/privateFieldsOf';
import { buildPlan } from '../shared/plan/buildPlan';
import { renderPlanMarkdown } from '../shared/plan/renderPlanMarkdown';
import type { PlanLang } from '../shared/plan/planDocument';
import { buildQuarterlyReport } from '../shared/plan/buildQuarterlyReport';
import type { PlanSince } from '../shared/plan/sections/sinceSection';
import { VERSION_ID_PATTERN } from './versions/versionMeta';
import { loadVersion } from './versions/versionRoutes';

/**
 * GET /api/rooms/<room>/export?format=docx|md|json[&private=1][&lang=nl|en][&since=<version id>[&report=plan|kwartaal]]
 *
 * With `since`, the plan's monitoring chapter says what changed since that version; `report=kwartaal` gives the
 * quarterly report on its own.
 *
 * Who may export what: any valid token of the map may export every format, because a view link already shows the
 * whole map; private fields (phone, e-mail, address) only with `private=1` and only for edit and owner tokens.
 * A view token asking for them gets 403, never a silently stripped file, so a script cannot mistake one for the other.
 */
export const EXPORT_PATH = /^\/api\/rooms\/([^/]+)\/export$/;

export type ExportFormat = 'docx' | 'md' | 'json';

const FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
};

function isFormat(v: string): v is ExportFormat {
  return Object.prototype.hasOwnProperty.call(FORMATS, v);
}

/** The one query parameter of its name (repeating it is refused: which one would count?), or undefined. */
function single(url: URL, name: string): string | undefined {
  const all = url.searchParams.getAll(name);
  if (all.length > 1) throw new ApiError(400, 'QUERY_INVALID', `give ${name} only once`);
  return all[0];
}

/** The export's options from the query string; anything unexpected is refused with a reason, not guessed at. */
export function parseExportQuery(url: URL): { format: ExportFormat; includePrivate: boolean; lang: PlanLang; since?: string; report: 'plan' | 'kwartaal' } {
  for (const key of url.searchParams.keys()) {
    if (!['format', 'private', 'lang', 'since', 'report'].includes(key)) throw new ApiError(400, 'QUERY_INVALID', `unknown parameter ${key.slice(0, 40)}: use format, private, lang, since and report`);
  }
  const format = single(url, 'format');
  if (format === undefined) throw new ApiError(400, 'EXPORT_FORMAT_MISSING', 'add ?format=docx, md or json');
  if (!isFormat(format)) throw new ApiError(400, 'EXPORT_FORMAT_UNKNOWN', `unknown format ${format.slice(0, 20)}: use docx, md or json`);
  const priv = single(url, 'private') ?? '0';
  if (priv !== '0' && priv !== '1') throw new ApiError(400, 'QUERY_INVALID', 'private must be 0 or 1');
  const lang = single(url, 'lang') ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new ApiError(400, 'QUERY_INVALID', 'lang must be nl or en');
  const since = single(url, 'since');
  if (since !== undefined && !VERSION_ID_PATTERN.test(since)) throw new ApiError(400, 'VERSION_ID_INVALID', 'since must be a version id');
  if (since !== undefined && format === 'json') throw new ApiError(400, 'QUERY_INVALID', 'since compares the plan with a version: use format=docx or md');
  const report = single(url, 'report') ?? 'plan';
  if (report !== 'plan' && report !== 'kwartaal') throw new ApiError(400, 'QUERY_INVALID', 'report must be plan or kwartaal');
  if (report === 'kwartaal' && since === undefined) throw new ApiError(400, 'QUERY_INVALID', 'the quarterly report compares with a version: add since=<version id>');
  return { format, includePrivate: priv === '1', lang, since, report };
}

/** A filename safe in any header and file system: ASCII letters, digits, - and _; at most 80 characters. */
export function safeFileName(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return ascii || 'mantelkaart';
}

function contentDisposition(fileName: string): string {
  // The ASCII name is already safe; filename* is added only for readers that prefer it.
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The version a plan is compared with, as the plan model takes it (refused like the versions routes refuse). */
async function versionToCompare(deps: ApiDeps, room: string, id: string): Promise<PlanSince> {
  const { snapshot, meta } = await loadVersion(deps, room, id);
  return { snapshot, name: meta.name, createdAt: meta.createdAt };
}

/** Serves one export; writes its own answers, refusals included. Unexpected errors propagate to the API's 500. */
export async function handleExport(req: IncomingMessage, res: ServerResponse, url: URL, deps: ApiDeps): Promise<void> {
  if (req.method !== 'GET') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'use GET to export');
  const room = EXPORT_PATH.exec(url.pathname)?.[1] ?? '';
  if (!isValidRoomName(room)) throw new ApiError(400, 'ROOM_NAME_INVALID', 'invalid map name: use 1 to 64 letters, digits, - or _');
  const access = await authorize(deps.signer, deps.store, room, bearer(req), { isPrivate: false });
  if (!access.ok) throw new ApiError(access.status, access.code, access.reason);
  const query = parseExportQuery(url);
  if (query.includePrivate && !canEdit(access.role)) throw new ApiError(403, 'PRIVATE_FORBIDDEN', 'view links cannot export private data; leave out private=1');

  const snapshot = await deps.rooms.withRoom(room, async (r) => snapshotMap(r.doc));
  let privateFields: PrivateFieldsByNode | undefined;
  if (query.includePrivate) privateFields = await deps.rooms.withRoom(privateRoomOf(room), async (r) => privateFieldsOf(r.doc, snapshot.nodes.map((n) => n.id)));

  const now = new Date();
  const date = now.toISOString().slice(0, 10);
  const base = safeFileName(snapshot.meta.title);
  let body: Buffer;
  let fileName: string;
  if (query.format === 'json') {
    body = Buffer.from(stringifyMapFile(exportMapJson(snapshot, privateFields, { includePrivate: query.includePrivate, exportedAt: now, app: 'Mantelkaart' })), 'utf8');
    fileName = `${base}-${date}.json`;
  } else {
    const since = query.since ? await versionToCompare(deps, room, query.since) : undefined;
    const quarterly = since !== undefined && query.report === 'kwartaal';
    const plan = quarterly
      ? buildQuarterlyReport(snapshot, since, { lang: query.lang, date })
      : buildPlan(snapshot, { lang: query.lang, date, includePrivate: query.includePrivate, privateFields, since });
    const suffix = quarterly ? (query.lang === 'en' ? 'quarterly-report' : 'kwartaalrapportage') : query.lang === 'en' ? 'project-plan' : 'projectplan';
    fileName = `${base}-${suffix}-${date}.${FORMATS[query.format].extension}`;
    if (query.format === 'md') {
      body = Buffer.from(renderPlanMarkdown(plan), 'utf8');
    } else {
      // Loaded on first use: the docx package is large and most servers never export a plan.
      const { renderPlanDocx } = await import('../shared/plan/renderPlanDocx');
      body = Buffer.from(await renderPlanDocx(plan));
    }
  }
  log('ROOM_EXPORTED', { room, format: query.format, private: query.includePrivate, role: access.role });
  res.writeHead(200, {
    'Content-Type': FORMATS[query.format].contentType,
    'Content-Length': body.length,
    'Content-Disposition': contentDisposition(fileName),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

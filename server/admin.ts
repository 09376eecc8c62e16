import { chmodSync, rmSync } from 'node:fs';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { DocStore } from './storage/DocStore';
import { writeBackup, type SnapshotSource } from './storage/writeBackup';
import { readJsonBody } from './body';
import { adminKey, adminSocketPath, MAX_SOCKET_PATH } from './adminKey';
import { errorText, log, logError } from './log';

export interface AdminDeps {
  dataDir: string;
  secret: Buffer;
  store: DocStore & Partial<SnapshotSource>;
}

const backupSchema = z.strictObject({ file: z.string().min(1).max(4096).refine(isAbsolute, 'file must be an absolute path') });

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sameKey(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: AdminDeps, key: string): Promise<void> {
  const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  if (!auth || !sameKey(auth[1], key)) {
    log('ADMIN_REFUSED', { code: 'ADMIN_KEY_INVALID' });
    return sendJson(res, 401, { error: { code: 'ADMIN_KEY_INVALID', message: 'wrong or missing admin key' } });
  }
  if (req.method !== 'POST' || req.url !== '/backup') return sendJson(res, 404, { error: { code: 'ADMIN_NOT_FOUND', message: 'only POST /backup' } });
  const body = await readJsonBody(req, 16 * 1024);
  if (!body.ok) return sendJson(res, body.status, { error: { code: body.code, message: body.reason } });
  const parsed = backupSchema.safeParse(body.value);
  if (!parsed.success) return sendJson(res, 400, { error: { code: 'BODY_INVALID', message: parsed.error.issues[0]?.message ?? 'invalid body' } });
  const summary = await writeBackup(deps.store, parsed.data.file);
  log('BACKUP_WRITTEN', { file: summary.file, docs: summary.docs, updates: summary.updates, meta: summary.meta, bytes: summary.bytes, skipped: summary.skipped.length });
  sendJson(res, 200, summary);
}

/**
 * The admin socket: a Unix socket at DATA_DIR/admin.sock (mode 0600, so only the server's own user can connect)
 * that answers `POST /backup {file}` with a consistent snapshot written by the running server, which holds the
 * LevelDB lock. Requests also carry a key derived from the server secret. Never reachable over the network.
 */
export async function startAdminSocket(deps: AdminDeps): Promise<Server | undefined> {
  const path = adminSocketPath(deps.dataDir);
  if (path.length > MAX_SOCKET_PATH) {
    logError('ADMIN_SOCKET_UNAVAILABLE', { reason: 'DATA_DIR_path_too_long_for_a_unix_socket', length: path.length });
    return undefined;
  }
  // We hold the LevelDB lock, so a socket file left here belongs to a server that is gone (kill -9).
  rmSync(path, { force: true });
  const key = adminKey(deps.secret);
  const server = createServer((req, res) => {
    handle(req, res, deps, key).catch((err: unknown) => {
      logError('ADMIN_FAILED', { error: errorText(err) });
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'ADMIN_FAILED', message: errorText(err) } });
      else res.end();
    });
  });
  const oldMask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
  } finally {
    process.umask(oldMask);
  }
  chmodSync(path, 0o600);
  log('ADMIN_SOCKET_LISTENING', { path });
  return server;
}

/** Stops the admin socket and removes its file. */
export function stopAdminSocket(server: Server | undefined, dataDir: string): void {
  if (!server) return;
  server.close();
  rmSync(adminSocketPath(dataDir), { force: true });
}

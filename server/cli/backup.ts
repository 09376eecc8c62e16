import { z } from 'zod';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { LevelDocStore } from '../storage/LevelDocStore';
import { PgDocStore } from '../storage/PgDocStore';
import { writeBackup, type BackupSummary } from '../storage/writeBackup';
import { adminKey, adminSocketPath } from '../adminKey';
import { readSecret } from '../secret';
import { errorText, formatLogLine } from '../log';
import { cliConfig, fail, fileArgument } from './cliArgs';

/**
 * `npm run backup -- <file>`: a consistent snapshot of every map in one file.
 *
 * While the server runs it holds the LevelDB lock, so the snapshot is asked of the server through its admin socket
 * (DATA_DIR/admin.sock, only this machine user can open it, key derived from the server secret). When no server
 * runs on this DATA_DIR, the store is opened and read directly.
 */
const BACKUP_SUMMARY: z.ZodType<BackupSummary> = z.object({
  file: z.string(),
  docs: z.number(),
  updates: z.number(),
  meta: z.number(),
  bytes: z.number(),
  skipped: z.array(z.object({ key: z.string(), reason: z.string() })),
});
const ERROR_REPLY = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

const USAGE = 'usage: npm run backup -- <file>   (same DATA_DIR / SECRET settings as the server)';
const config = cliConfig('BACKUP');
const { file } = fileArgument('BACKUP', process.argv.slice(2), USAGE);
if (config.storage === 'memory') fail('BACKUP', 'STORAGE_NOT_DURABLE', 'STORAGE=memory keeps nothing on disk; there is nothing to back up');

type ViaServer = { ok: true; summary: BackupSummary } | { ok: false; noServer: true } | { ok: false; noServer: false; code: string; message: string };

function askServer(secret: Buffer): Promise<ViaServer> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ file });
    const req = request(
      {
        socketPath: adminSocketPath(config.dataDir),
        method: 'POST',
        path: '/backup',
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${adminKey(secret)}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          // The reply passes a gate like any outside data: a server of another version could answer differently.
          const summary = BACKUP_SUMMARY.safeParse(parsed);
          if (res.statusCode === 200 && summary.success) return resolve({ ok: true, summary: summary.data });
          const error = ERROR_REPLY.safeParse(parsed).data?.error;
          resolve({ ok: false, noServer: false, code: error?.code ?? `HTTP_${res.statusCode}`, message: error?.message ?? text });
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      // No socket file, or a file left by a server that is gone: nobody is listening.
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') resolve({ ok: false, noServer: true });
      else resolve({ ok: false, noServer: false, code: err.code ?? 'ADMIN_UNREACHABLE', message: errorText(err) });
    });
    req.end(body);
  });
}

async function direct(): Promise<BackupSummary> {
  const dir = join(config.dataDir, 'db');
  if (!existsSync(dir)) fail('BACKUP', 'NO_DATA', `no stored maps at ${dir} (is DATA_DIR right?)`);
  let store: LevelDocStore;
  try {
    store = await LevelDocStore.open(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'STORE_LOCKED') {
      fail('BACKUP', 'STORE_LOCKED', `a server holds ${dir} but its admin socket ${adminSocketPath(config.dataDir)} does not answer; check that it runs as this user`);
    }
    throw err;
  }
  try {
    return await writeBackup(store, file);
  } finally {
    await store.close();
  }
}

/** PostgreSQL serves every instance and this command at once: the backup reads one snapshot of it directly. */
async function fromPostgres(url: string): Promise<BackupSummary> {
  const store = await PgDocStore.open(url, { poolSize: 2 });
  try {
    return await writeBackup(store, file);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  let summary: BackupSummary;
  let via: string;
  if (config.storage === 'postgres' && config.databaseUrl) {
    summary = await fromPostgres(config.databaseUrl);
    via = 'postgres';
    report(summary, via);
    return;
  }
  const secret = readSecret(config.dataDir, config.secret);
  const viaServer: ViaServer = secret ? await askServer(secret) : { ok: false, noServer: true };
  if (viaServer.ok) {
    summary = viaServer.summary;
    via = 'running_server';
  } else if (viaServer.noServer) {
    summary = await direct();
    via = 'store';
  } else {
    fail('BACKUP', viaServer.code, `the running server could not write the backup: ${viaServer.message}`);
  }
  report(summary, via);
}

function report(summary: BackupSummary, via: string): void {
  process.stdout.write(
    formatLogLine('BACKUP_WRITTEN', { file: summary.file, via, docs: summary.docs, updates: summary.updates, meta: summary.meta, bytes: summary.bytes, skipped: summary.skipped.length }) + '\n',
  );
  for (const s of summary.skipped) process.stdout.write(formatLogLine('BACKUP_RECORD_SKIPPED', { key: s.key, reason: s.reason }) + '\n');
}

main().catch((err: unknown) => fail('BACKUP', (err as { code?: string }).code ?? 'ERROR', errorText(err)));

import { join } from 'node:path';
import { LevelDocStore } from '../storage/LevelDocStore';
import { PgDocStore } from '../storage/PgDocStore';
import type { DocStore } from '../storage/DocStore';
import { readBackup, restoreBackup } from '../storage/restoreBackup';
import { errorText, formatLogLine } from '../log';
import { cliConfig, fail, fileArgument } from './cliArgs';

/**
 * `npm run restore -- <file> [--replace]`: makes DATA_DIR/db hold exactly what the backup holds.
 *
 * Only with the server stopped: it opens the store itself, and a running server holds the LevelDB lock, which is
 * refused with STORE_LOCKED. With STORAGE=postgres it restores into DATABASE_URL; stop every instance first. A store that already holds maps is only replaced with --replace.
 */
const USAGE = 'usage: npm run restore -- <file> [--replace]   (stop the server first; same DATA_DIR settings as the server)';
const config = cliConfig('RESTORE');
const { file, flags } = fileArgument('RESTORE', process.argv.slice(2), USAGE);
if (config.storage === 'memory') fail('RESTORE', 'STORAGE_NOT_DURABLE', 'STORAGE=memory keeps nothing on disk; there is nowhere to restore to');

/** LevelDB under DATA_DIR (refused while a server holds it), or PostgreSQL (stop every instance first). */
async function openTarget(): Promise<{ store: DocStore; where: string }> {
  if (config.storage === 'postgres' && config.databaseUrl) {
    return { store: await PgDocStore.open(config.databaseUrl, { poolSize: 2 }), where: `the database at ${new URL(config.databaseUrl).host}` };
  }
  const dir = join(config.dataDir, 'db');
  try {
    return { store: await LevelDocStore.open(dir), where: dir };
  } catch (err) {
    if ((err as { code?: string }).code === 'STORE_LOCKED') fail('RESTORE', 'STORE_LOCKED', `the server is running on ${config.dataDir}: stop it first, then restore`);
    throw err;
  }
}

async function main(): Promise<void> {
  // Verified before the store is opened: a bad file never touches the data.
  const backup = await readBackup(file);
  const { store, where } = await openTarget();
  try {
    const existing = (await store.list()).length;
    if (existing > 0 && !flags.has('--replace')) {
      fail('RESTORE', 'STORE_NOT_EMPTY', `${where} already holds ${existing} documents; add --replace to replace them with the backup`);
    }
    const summary = await restoreBackup(store, file);
    process.stdout.write(
      formatLogLine('RESTORE_DONE', {
        file,
        backupFrom: backup.createdAt.toISOString(),
        docs: summary.docs,
        updates: summary.updates,
        meta: summary.meta,
        removedDocs: summary.removedDocs.length,
        removedMeta: summary.removedMeta.length,
      }) + '\n',
    );
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => fail('RESTORE', (err as { code?: string }).code ?? 'ERROR', errorText(err)));

import { join } from 'node:path';
import { LevelDocStore } from '../storage/LevelDocStore';
import { readBackup, restoreBackup } from '../storage/restoreBackup';
import { errorText, formatLogLine } from '../log';
import { cliConfig, fail, fileArgument } from './cliArgs';

/**
 * `npm run restore -- <file> [--replace]`: makes DATA_DIR/db hold exactly what the backup holds.
 *
 * Only with the server stopped: it opens the store itself, and a running server holds the LevelDB lock, which is
 * refused with STORE_LOCKED. A store that already holds maps is only replaced with --replace.
 */
const USAGE = 'usage: npm run restore -- <file> [--replace]   (stop the server first; same DATA_DIR settings as the server)';
const config = cliConfig('RESTORE');
const { file, flags } = fileArgument('RESTORE', process.argv.slice(2), USAGE);
if (config.storage !== 'leveldb') fail('RESTORE', 'STORAGE_NOT_DURABLE', 'STORAGE=memory keeps nothing on disk; there is nowhere to restore to');

async function main(): Promise<void> {
  // Verified before the store is opened: a bad file never touches the data.
  const backup = await readBackup(file);
  const dir = join(config.dataDir, 'db');
  let store: LevelDocStore;
  try {
    store = await LevelDocStore.open(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'STORE_LOCKED') fail('RESTORE', 'STORE_LOCKED', `the server is running on ${config.dataDir}: stop it first, then restore`);
    throw err;
  }
  try {
    const existing = (await store.list()).length;
    if (existing > 0 && !flags.has('--replace')) {
      fail('RESTORE', 'STORE_NOT_EMPTY', `${dir} already holds ${existing} documents; add --replace to replace them with the backup`);
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

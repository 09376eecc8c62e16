import type { DocStore } from './DocStore';
import type { StorageKind } from '../config';
import { MemoryDocStore } from './MemoryDocStore';
import { LevelDocStore } from './LevelDocStore';
import { PgDocStore } from './PgDocStore';
import { log, logError } from '../log';

/** Opens the configured storage engine; LevelDB lives in its own directory under DATA_DIR. */
export async function openStore(kind: StorageKind, dir: string, options: { sync?: boolean; writeAheadLog?: boolean; databaseUrl?: string } = {}): Promise<DocStore> {
  if (kind === 'postgres') {
    if (!options.databaseUrl) throw new Error('STORAGE=postgres needs DATABASE_URL');
    const store = await PgDocStore.open(options.databaseUrl);
    log('STORE_OPENED', { engine: 'postgres', host: new URL(options.databaseUrl).host });
    return store;
  }
  if (kind === 'memory') {
    log('STORAGE_MEMORY', { note: 'nothing_survives_a_restart' });
    return new MemoryDocStore();
  }
  const store = await LevelDocStore.open(dir, { sync: options.sync === true, writeAheadLog: options.sync === true ? false : options.writeAheadLog });
  const report = store.recoveryReport;
  // The directory is in its own field; without it in the message, LevelDB's words fit the line.
  for (const event of report.events) logError(event.code, { dir, message: event.message.split(dir + '/').join('') });
  // One line that says what opening the store had to do, also when it was nothing.
  const fields = { dir, clean: report.clean, repaired: report.repaired, events: report.events.map((e) => e.code).join(',') || undefined };
  if (report.clean) log('STORE_OPENED', fields);
  else logError('STORE_RECOVERED', fields);
  return store;
}

// Child process for writeAheadLog.test.ts: appends numbered updates while LevelDB's background writes hang (as a
// write still on the thread pool would), prints how many were acknowledged, and kills itself with SIGKILL.
import { writeSync } from 'node:fs';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';

const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg ?? '200');
const store = await LevelDocStore.open(dir);
// The first append of a document reads its numbering from LevelDB and waits for LevelDB's write.
await store.append('room', [new TextEncoder().encode('0')]);
// From here LevelDB never finishes a write: whatever survives the kill survives through the write-ahead log alone.
const db = (store as unknown as { db: { batch: () => Promise<void> } }).db;
db.batch = () => new Promise<void>(() => {});
await Promise.all(Array.from({ length: count - 1 }, (_, i) => store.append('room', [new TextEncoder().encode(String(i + 1))])));
writeSync(1, `acknowledged ${count}\n`);
process.kill(process.pid, 'SIGKILL');

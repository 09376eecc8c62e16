// Child process for durability.test.ts: appends numbered updates and prints each number once its append resolved.
// The parent kills it with SIGKILL mid-stream and checks that every printed number is stored.
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';

const [dir, inFlightArg] = process.argv.slice(2);
const inFlight = Number(inFlightArg ?? '16');
const store = await LevelDocStore.open(dir);
process.stdout.write('ready\n');

let next = 0;
async function worker(): Promise<void> {
  for (;;) {
    const n = next++;
    await store.append('room', [new TextEncoder().encode(String(n))]);
    process.stdout.write(`${n}\n`);
  }
}
// Several appends in flight at once, so the kill lands between, during and after group commits.
await Promise.all(Array.from({ length: inFlight }, () => worker()));

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { tempDir, text } from './tempDir.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const script = fileURLToPath(new URL('./appendUntilKilled.ts', import.meta.url));

it('keeps every append that had resolved when the process was killed with SIGKILL', async () => {
  const { dir, remove } = tempDir('kill9');
  cleanups.push(remove);
  const killAfter = 2000;

  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, '16'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acknowledged = new Set<number>();
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') continue;
      acknowledged.add(Number(line));
      if (acknowledged.size === killAfter) child.kill('SIGKILL');
    }
  });
  expect(await exited).toBe('SIGKILL');

  const store = await LevelDocStore.open(dir);
  cleanups.push(() => store.close());
  const loaded = await store.load('room');
  const stored = new Set(loaded.updates.map((u) => Number(text(u))));
  const missing = [...acknowledged].filter((n) => !stored.has(n));
  const unacknowledged = [...stored].filter((n) => !acknowledged.has(n)).length;
  console.log(
    `kill -9: ${acknowledged.size} appends acknowledged before the kill, ${stored.size} stored (${unacknowledged} of them written but not yet acknowledged), ${missing.length} acknowledged but missing`,
  );
  expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter);
  expect(missing).toEqual([]);
  expect(loaded.skipped).toEqual([]);
  // The store keeps working where the killed process left off.
  await store.append('room', [new TextEncoder().encode('after')]);
  expect(text((await store.load('room')).updates.at(-1) ?? new Uint8Array())).toBe('after');
});

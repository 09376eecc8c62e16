import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNode, nodesMap, readNodes } from '../../../shared/model/mapDoc';
import { TestServer } from '../../helpers/server';
import { clusterServices, startPostgres, type TestPostgres } from '../../helpers/clusterServices';
import { openSynced, waitFor } from '../../helpers/clients';

const services = clusterServices();
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** `npm run backup|restore -- args` against a PostgreSQL database, as an operator types it. */
function npmRun(script: string, args: string[], databaseUrl: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: repoRoot, env: { ...process.env, STORAGE: 'postgres', DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => resolve({ code, out }));
  });
}

describe.skipIf(!services.available)('npm run backup and restore with STORAGE=postgres', () => {
  let source: TestPostgres;
  let target: TestPostgres;
  let dir: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([startPostgres(), startPostgres()]);
    dir = mkdtempSync(join(tmpdir(), 'mantelkaart-pgbackup-'));
  });
  afterAll(async () => {
    await source?.stop();
    await target?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a running instance’s database and restores it into another one that then serves the same map', async () => {
    const secret = 'b'.repeat(64);
    const server = await TestServer.start({ env: { STORAGE: 'postgres', DATABASE_URL: source.url, SECRET: secret } });
    try {
      const room = await server.createRoom('Back-up uit PostgreSQL');
      const client = await openSynced(server.wsUrl, room.room, room.tokens.edit);
      for (const label of ['Gemeente', 'Buurthuis De Schakel', 'Imam Yilmaz']) createNode(client.doc, { label });
      await waitFor(async () => (await source.sql(`SELECT count(*) FROM mk_updates WHERE doc = '${room.room}'`)) !== '1\n', 'the cards are stored');
      const backup = await npmRun('backup', [join(dir, 'kaarten.mkbackup')], source.url);
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toMatch(/BACKUP_WRITTEN .*via=postgres/);
      client.destroy();

      const restore = await npmRun('restore', [join(dir, 'kaarten.mkbackup')], target.url);
      expect(restore.code, restore.out).toBe(0);
      // A second restore into a database that holds maps needs --replace.
      const again = await npmRun('restore', [join(dir, 'kaarten.mkbackup')], target.url);
      expect(again.code).toBe(1);
      expect(again.out).toContain('STORE_NOT_EMPTY');
      expect((await npmRun('restore', [join(dir, 'kaarten.mkbackup'), '--replace'], target.url)).code).toBe(0);

      const restored = await TestServer.start({ env: { STORAGE: 'postgres', DATABASE_URL: target.url, SECRET: secret } });
      try {
        const reader = await openSynced(restored.wsUrl, room.room, room.tokens.view);
        await waitFor(() => nodesMap(reader.doc).size === 3, 'the restored map has its cards');
        expect(readNodes(reader.doc).map((n) => n.label).sort()).toEqual(['Buurthuis De Schakel', 'Gemeente', 'Imam Yilmaz']);
        reader.destroy();
      } finally {
        await restored.dispose();
        restored.removeData();
      }
    } finally {
      await server.dispose();
      server.removeData();
    }
  });
});

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createNode, nodesMap, readMeta, readNode } from '../../shared/model/mapDoc';
import { TestServer, durable, type CreatedRoom } from '../helpers/server';
import { openSynced, waitFor, type TestClient } from '../helpers/clients';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run <script> -- args` as an operator types it, against one DATA_DIR; with `direct` the script file is run
 * without npm in front (the same code, a second less on a busy machine).
 */
function npmRun(script: string, args: string[], dataDir: string, direct = false): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const command = direct ? [process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args]] as const : ['npm', ['run', '--silent', script, '--', ...args]] as const;
    const proc = spawn(command[0], command[1], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, STORAGE: 'leveldb' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => resolve({ code, out }));
  });
}

describe.runIf(durable)('backup and restore', () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  const live = new Set<TestClient>();
  async function client(s: TestServer, room: string, token: string): Promise<TestClient> {
    const c = await openSynced(s.wsUrl, room, token);
    live.add(c);
    cleanup.push(() => closeClients());
    return c;
  }
  function closeClients(): void {
    for (const c of live) c.destroy();
    live.clear();
  }

  it('backs up every map while the server runs and a client keeps editing, and restores it into an emptied DATA_DIR', async () => {
    const server = await TestServer.start();
    cleanup.push(() => server.removeData());
    cleanup.push(() => server.dispose());
    const backupDir = mkdtempSync(join(tmpdir(), 'mantelkaart-backup-'));
    cleanup.push(() => rmSync(backupDir, { recursive: true, force: true }));
    const file = join(backupDir, 'kaarten.mkbackup');

    const maps: CreatedRoom[] = [];
    const content = new Map<string, Map<string, string>>();
    for (const title of ['Wijkteam', 'Mantelzorg Oost', 'Leeg']) {
      const map = await server.createRoom(title);
      maps.push(map);
      const labels = new Map<string, string>();
      if (title !== 'Leeg') {
        const c = await client(server, map.room, map.tokens.edit);
        for (let i = 0; i < 25; i++) labels.set(createNode(c.doc, { label: `${title} ${i}` }), `${title} ${i}`);
      }
      content.set(map.room, labels);
    }
    const priv = await client(server, `${maps[0].room}.private`, maps[0].tokens.edit);
    priv.doc.getMap('contacts').set('p1', 'telefoon 0612345678');
    const watchers = await Promise.all(maps.map((m) => client(server, m.room, m.tokens.view)));
    await waitFor(() => maps.every((m, i) => [...content.get(m.room)!.keys()].every((id) => nodesMap(watchers[i].doc).has(id))), 'all content stored');
    const privCheck = await client(server, `${maps[0].room}.private`, maps[0].tokens.owner);
    await waitFor(() => privCheck.doc.getMap('contacts').get('p1') !== undefined, 'private content stored');

    // A version of the second map: versions are documents in the same store, so the backup carries them.
    const saved = await server.api('POST', `/api/rooms/${maps[1].room}/versions`, { token: maps[1].tokens.edit, body: { name: 'Voor de backup' } });
    expect(saved.status).toBe(201);
    const versionId = (saved.body as { id: string }).id;

    // One person keeps editing the first map throughout the backup.
    const busy = await client(server, maps[0].room, maps[0].tokens.edit);
    let edits = 0;
    const editing = setInterval(() => createNode(busy.doc, { label: `tijdens backup ${edits++}` }), 20);
    await waitFor(() => edits >= 10, 'editing is under way');
    const seenBeforeBackup = [...nodesMap(watchers[0].doc)].map(([id, y]) => [id, readNode(id, y).label] as const);
    const backup = await npmRun('backup', [file], server.dataDir);
    const editsAtBackupEnd = edits;
    await waitFor(() => edits >= editsAtBackupEnd + 10, 'editing went on after the backup');
    clearInterval(editing);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/BACKUP_WRITTEN .*via=running_server/);
    expect(server.logLines('BACKUP_WRITTEN')).toHaveLength(1);

    // Restoring while the server runs is refused: it holds the store.
    const whileRunning = await npmRun('restore', [file], server.dataDir, true);
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.out).toContain('STORE_LOCKED');
    expect(whileRunning.out).toContain('stop it first');

    // Nobody stays connected: a client that reconnects later would bring back edits the backup does not hold.
    const watcherTitles = watchers.map((w) => readMeta(w.doc).title);
    closeClients();
    expect(await server.stop()).toBe(0);
    rmSync(join(server.dataDir, 'db'), { recursive: true, force: true });
    expect(existsSync(join(server.dataDir, 'secret'))).toBe(true);
    const restore = await npmRun('restore', [file], server.dataDir);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/RESTORE_DONE .*docs=\d+/);
    // A second restore over data that is now there needs --replace.
    const again = await npmRun('restore', [file], server.dataDir, true);
    expect(again.code).toBe(1);
    expect(again.out).toContain('STORE_NOT_EMPTY');

    const restarted = await server.restart();
    cleanup.push(() => restarted.dispose());
    let checked = 0;
    for (const map of maps) {
      // The old links still work: the meta records came back and the secret stayed.
      const c = await client(restarted, map.room, map.tokens.view);
      expect(readMeta(c.doc).title).toBe(watcherTitles[maps.indexOf(map)]);
      for (const [id, label] of content.get(map.room)!) {
        expect(readNode(id, nodesMap(c.doc).get(id)!).label).toBe(label);
        checked++;
      }
    }
    const version = await restarted.api('GET', `/api/rooms/${maps[1].room}/versions/${versionId}`, { token: maps[1].tokens.view });
    expect(version.status).toBe(200);
    expect(JSON.stringify(version.body)).toContain('Mantelzorg Oost 24');
    const first = await client(restarted, maps[0].room, maps[0].tokens.view);
    const missing = seenBeforeBackup.filter(([id]) => !nodesMap(first.doc).has(id));
    const restoredPriv = await client(restarted, `${maps[0].room}.private`, maps[0].tokens.edit);
    const duringKept = [...nodesMap(first.doc).values()].filter((y) => String(y.get('label')).startsWith('tijdens backup')).length;
    // The snapshot is taken while the backup runs: everything seen before it is in, nothing after the command ended.
    expect(duringKept).toBeLessThanOrEqual(editsAtBackupEnd);
    console.log(
      `backup: ${statSync(file).size} bytes, ${maps.length} maps; ${checked} nodes checked after restore, ${seenBeforeBackup.length} seen before the backup (${missing.length} missing); ` +
        `${duringKept} of ${edits} edits of the busy client are in it (${seenBeforeBackup.length > 0 ? 'all seen before it, ' : ''}${editsAtBackupEnd} made before the command returned); ${backup.out.trim().split('\n').at(-1)}; ${restore.out.trim().split('\n').at(-1)}`,
    );
    expect(missing).toEqual([]);
    expect(restoredPriv.doc.getMap('contacts').get('p1')).toBe('telefoon 0612345678');
  }, 120_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshot } from './snapshot';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const benchTmp = join(repoRoot, 'bench/tmp');

/** The servers compared: ours and the peers from issue 8. */
export type ContenderId = 'mantelkaart' | 'mantelkaart-nowal' | 'yws-memory' | 'yws-leveldb' | 'hocuspocus';

export const CONTENDERS: readonly ContenderId[] = ['mantelkaart', 'mantelkaart-nowal', 'yws-memory', 'yws-leveldb', 'hocuspocus'];

/** Our own server, in any of its configurations. */
export function isOurs(id: ContenderId): boolean {
  return id === 'mantelkaart' || id === 'mantelkaart-nowal';
}

export const CONTENDER_LABEL: Record<ContenderId, string> = {
  mantelkaart: 'Mantelkaart (write-ahead log + LevelDB, persist-before-relay)',
  'mantelkaart-nowal': 'Mantelkaart with STORAGE_WAL=0 (LevelDB only, persist-before-relay)',
  'yws-memory': '@y/websocket-server 0.1.1 (memory)',
  'yws-leveldb': '@y/websocket-server 0.1.1 (YPERSISTENCE, y-leveldb)',
  hocuspocus: '@hocuspocus/server 3.4.4 (memory)',
};

/** Which client library speaks to a contender. */
export type Protocol = 'y-websocket' | 'hocuspocus';

/** One document on one server, as a client opens it. Plain data: it is handed to the load generator process. */
export interface RoomTarget {
  protocol: Protocol;
  /** For y-websocket: the serverUrl the provider appends `/<room>` to. For Hocuspocus: the server URL. */
  url: string;
  room: string;
  /** Our server's share-link token (edit role); absent for the peers. */
  token?: string;
  /** Several instances of one cluster: client i opens urls[i % urls.length] instead of `url`. */
  urls?: string[];
}

export interface StartOptions {
  /** Reuse a data directory (restart on stored data); otherwise a fresh one under bench/tmp. */
  dataDir?: string;
  /** Write a V8 CPU profile into this directory when the process exits. */
  cpuProfDir?: string;
  env?: Record<string, string>;
}

/** A contender running as a child process; stop() always ends it. */
export class RunningServer {
  private output = '';
  private readonly exited: Promise<void>;

  constructor(
    readonly id: ContenderId,
    readonly proc: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
    readonly startedAt: number,
    readonly listeningAt: number,
  ) {
    this.exited = new Promise((res) => {
      if (proc.exitCode !== null || proc.signalCode !== null) res();
      else proc.once('exit', () => res());
    });
    const keep = (d: Buffer) => {
      // The last 64 KiB is enough to explain a failure; the rest would only grow.
      this.output = (this.output + d.toString()).slice(-65536);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }
  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get log(): string {
    return this.output;
  }
  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** The target a client opens for `room` (and, on our server, the token of an edit link). */
  target(room: string, token?: string): RoomTarget {
    if (isOurs(this.id)) return { protocol: 'y-websocket', url: `ws://127.0.0.1:${this.port}/yjs`, room, token };
    if (this.id === 'hocuspocus') return { protocol: 'hocuspocus', url: `ws://127.0.0.1:${this.port}`, room };
    return { protocol: 'y-websocket', url: `ws://127.0.0.1:${this.port}`, room };
  }

  /** Creates a room on our server and returns its edit target; the peers create documents on first use. */
  async createRoom(name: string): Promise<RoomTarget> {
    if (!isOurs(this.id)) return this.target(name);
    const res = await fetch(`${this.httpUrl}/api/rooms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: name }),
      signal: AbortSignal.timeout(10_000),
    });
    const body: unknown = await res.json();
    if (res.status !== 201 || !isCreated(body)) throw new Error(`POST /api/rooms answered ${res.status}: ${JSON.stringify(body)}`);
    return this.target(body.room, body.tokens.edit);
  }

  /** SIGTERM (so ours flushes and compacts, and a CPU profile is written), SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.alive) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  async kill(): Promise<void> {
    if (this.alive) this.proc.kill('SIGKILL');
    await this.exited;
  }

  removeData(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function isCreated(body: unknown): body is { room: string; tokens: { edit: string; owner: string } } {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as { room?: unknown; tokens?: { edit?: unknown; owner?: unknown } };
  return typeof b.room === 'string' && typeof b.tokens?.edit === 'string' && typeof b.tokens?.owner === 'string';
}

/** A port nobody listens on right now (for servers that cannot be told to pick one and report it). */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export function freshDir(prefix: string): string {
  mkdirSync(benchTmp, { recursive: true });
  return mkdtempSync(join(benchTmp, `${prefix}-`));
}

/** Starts a contender on 127.0.0.1 and resolves once it listens (60 s at most). */
export async function startContender(id: ContenderId, options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? freshDir(id);
  const nodeArgs: string[] = [];
  if (options.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  let args: string[];
  let env: Record<string, string | undefined> = { ...process.env, HOST: '127.0.0.1', ...options.env };
  let ready: RegExp;
  let port = 0;
  if (isOurs(id)) {
    // The snapshot taken at the start of the run when there is one (see snapshot.ts), else the working tree.
    args = [...nodeArgs, '--import', 'tsx', snapshot()?.serverEntry ?? join(repoRoot, 'server/index.ts')];
    env = {
      ...env,
      PORT: '0',
      DATA_DIR: dataDir,
      STORAGE: 'leveldb',
      // Every benchmark client comes from 127.0.0.1: the per-address limits for creating rooms and for open
      // sockets (meant against one abusive host) would refuse the load test itself.
      CREATE_LIMIT: '1000000',
      MAX_CONNECTIONS_PER_IP: '100000',
      ...(id === 'mantelkaart-nowal' ? { STORAGE_WAL: '0' } : {}),
      ...options.env,
    };
    ready = /SERVER_LISTENING .*port=(\d+)/;
  } else if (id === 'hocuspocus') {
    args = [...nodeArgs, '--import', 'tsx', join(repoRoot, 'bench/peers/hocuspocusServer.ts')];
    env = { ...env, PORT: '0' };
    ready = /HOCUSPOCUS_LISTENING port=(\d+)/;
  } else {
    port = await freePort();
    args = [...nodeArgs, join(repoRoot, 'node_modules/@y/websocket-server/src/server.js')];
    env = { ...env, PORT: String(port), ...(id === 'yws-leveldb' ? { YPERSISTENCE: join(dataDir, 'yleveldb') } : {}) };
    if (id === 'yws-memory') delete env.YPERSISTENCE;
    ready = /running at .* on port (\d+)/;
  }
  const startedAt = performance.now();
  const proc = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const found = await new Promise<number>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`${id} did not start within 60 s:\n${output}`)), 60_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = ready.exec(output);
        if (m) {
          clearTimeout(timer);
          proc.stdout?.off('data', onData);
          proc.stderr?.off('data', onData);
          res(Number(m[1]) || port);
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`${id} exited with ${code} before listening:\n${output}`));
      });
    });
    const server = new RunningServer(id, proc, found, dataDir, startedAt, performance.now());
    return server;
  } catch (err) {
    proc.kill('SIGKILL');
    throw err;
  }
}

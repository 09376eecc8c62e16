import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Storage the integration tests run with: the server's default (LevelDB) unless TEST_STORAGE=memory. */
export const testStorage: 'leveldb' | 'memory' = process.env.TEST_STORAGE === 'memory' ? 'memory' : 'leveldb';
export const durable = testStorage === 'leveldb';

export interface CreatedRoom {
  room: string;
  tokens: { owner: string; edit: string; view: string };
  links: { owner: string; edit: string; view: string };
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
}

/** A real server process (`node --import tsx server/index.ts`) on a free port with its own DATA_DIR. */
export class TestServer {
  private output = '';
  private exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
    private readonly options: StartOptions,
    output: string,
  ) {
    this.output = output;
    proc.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((res) => {
      if (proc.exitCode !== null) res(proc.exitCode);
      else proc.once('exit', (code) => res(code));
    });
  }

  static async start(options: StartOptions = {}): Promise<TestServer> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mantelkaart-test-'));
    const proc = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'server/index.ts')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(options.port ?? 0),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STORAGE: testStorage,
        // The browser tests' build (test/helpers/global-setup.ts), which also carries the test extension.
        CLIENT_DIR: join(repoRoot, 'dist/client-e2e'),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const port = await new Promise<number>((res, rej) => {
      const timer = setTimeout(() => {
        // Never leave a half-started server behind a failed test.
        proc.kill('SIGKILL');
        rej(new Error(`server did not start within 30 s:\n${output}`));
      }, 30_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = /SERVER_LISTENING .*port=(\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          proc.stdout?.off('data', onData);
          proc.stderr?.off('data', onData);
          res(Number(m[1]));
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`server exited with ${code} before listening:\n${output}`));
      });
    });
    return new TestServer(proc, port, dataDir, options, output);
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** The serverUrl for y-websocket's WebsocketProvider (it appends `/<room>`). */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/yjs`;
  }
  /** Everything the process wrote to stdout and stderr so far. */
  get log(): string {
    return this.output;
  }

  /** Log lines that start with `code`. */
  logLines(code: string): string[] {
    return this.output.split('\n').filter((line) => line === code || line.startsWith(code + ' '));
  }

  /** Resident memory of the server process now and at its peak (VmHWM), in MiB, from /proc/<pid>/status. */
  memory(): { rssMiB: number; peakMiB: number } {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) };
  }

  /** kill -9: no chance to flush anything. */
  async kill9(): Promise<void> {
    this.proc.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM and wait; returns the exit code. */
  async stop(): Promise<number | null> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGTERM');
    return this.exited;
  }

  /** A new process on the same DATA_DIR and port (so reconnecting clients find it). */
  restart(): Promise<TestServer> {
    return TestServer.start({ ...this.options, dataDir: this.dataDir, port: this.port });
  }

  async dispose(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
    await this.exited;
  }

  removeData(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Calls the JSON API; returns status and parsed body (or the text when it is not JSON). */
  async api(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
    const res = await fetch(this.httpUrl + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }

  async createRoom(title = 'Testkaart'): Promise<CreatedRoom> {
    const r = await this.api('POST', '/api/rooms', { body: { title } });
    if (r.status !== 201) throw new Error(`createRoom failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as CreatedRoom;
  }
}

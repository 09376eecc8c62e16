import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Throwaway PostgreSQL and Redis from Debian's packages (`postgresql`, `redis-server`) for the cluster tests:
 * each with its own data directory and a free port, stopped after. Never a mock.
 */
const run = promisify(execFile);

const PG_ROOT = '/usr/lib/postgresql';
const REDIS = '/usr/bin/redis-server';

/** Newest installed PostgreSQL's bin directory (15 or newer), or undefined. */
function pgBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .map(Number)
    .filter((v) => v >= 15 && existsSync(join(PG_ROOT, String(v), 'bin/pg_ctl')))
    .sort((a, b) => b - a);
  return versions.length === 0 ? undefined : join(PG_ROOT, String(versions[0]), 'bin');
}

/**
 * Whether the cluster tests can run here. Without the binaries they are skipped with one line, except in CI
 * (CI or MANTELKAART_REQUIRE_CLUSTER set), where a missing one fails the run instead of hiding the tests.
 */
export function clusterServices(): { available: boolean; why: string } {
  const missing = [pgBin() ? undefined : `PostgreSQL ≥ 15 (${PG_ROOT}/<versie>/bin)`, existsSync(REDIS) ? undefined : REDIS].filter(Boolean);
  if (missing.length === 0) return { available: true, why: '' };
  const why = `cluster tests skipped: ${missing.join(' and ')} not installed (apt-get install postgresql redis-server)`;
  if (process.env.CI || process.env.MANTELKAART_REQUIRE_CLUSTER === '1') throw new Error(why.replace('skipped', 'cannot run in CI'));
  console.log(why);
  return { available: false, why };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
async function asPostgres(bin: string, args: string[]): Promise<string> {
  const { stdout } = isRoot() ? await run('runuser', ['-u', 'postgres', '--', bin, ...args]) : await run(bin, args);
  return stdout;
}

export interface TestPostgres {
  url: string;
  port: number;
  /** Stops it at once (pg_ctl stop -m immediate) and removes its data. */
  stop(): Promise<void>;
  /** Stops the database server, keeping its data, until resume(): "the database went away". */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Runs SQL through psql and returns its unaligned output. */
  sql(query: string): Promise<string>;
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = pgBin();
  if (!bin) throw new Error('PostgreSQL not installed');
  const dir = mkdtempSync(join(tmpdir(), 'mantelkaart-pg-'));
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  await asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const start = () => asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  await start();
  const psql = (query: string) => asPostgres(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'mantelkaart', '-At', '-c', query]);
  await asPostgres(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'mantelkaart']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/mantelkaart`,
    port,
    sql: psql,
    async pause() {
      await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async resume() {
      await start();
    },
    async stop() {
      await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestRedis {
  url: string;
  port: number;
  /** Stops it (kill -9; its streams are gone: it saves nothing) until start() runs it again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  const start = async () => {
    // Redis as the deployment section configures it: no eviction (an evicted stream would be a silent gap).
    const child = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis did not start:\n${out}`)), 30_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis exited with ${code}:\n${out}`));
      });
    });
  };
  const stop = async () => {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
  };
}

import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchTmp, repoRoot } from './servers';

/**
 * The product as it is when the benchmark starts: server/ and shared/ copied, the client built into the copy.
 * Other engineers edit and rebuild the same tree while the benchmark runs; a snapshot keeps every run of this
 * benchmark on one version and never touches their dist/client. Node resolves packages from the repo's
 * node_modules, one level up the tree. Each process gets its own copy (removed when it exits): two benchmark
 * processes at once must not delete the tree the other one's server runs from.
 */
export interface Snapshot {
  root: string;
  serverEntry: string;
  distDir: string;
  commit: string;
  /** Files under server/, shared/ or client/ that differ from the commit (others' work in progress). */
  uncommitted: string[];
  buildSeconds: number;
}

let current: Snapshot | undefined;

export function snapshot(): Snapshot | undefined {
  return current;
}

export async function takeSnapshot(): Promise<Snapshot> {
  const root = join(benchTmp, `snapshot-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  for (const dir of ['server', 'shared']) cpSync(join(repoRoot, dir), join(root, dir), { recursive: true });
  if (existsSync(join(repoRoot, 'tsconfig.json'))) cpSync(join(repoRoot, 'tsconfig.json'), join(root, 'tsconfig.json'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot }).toString().trimEnd();
  const commit = git('rev-parse', '--short', 'HEAD').trim();
  const uncommitted = git('status', '--porcelain', '--', 'server', 'shared', 'client')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  const distDir = join(root, 'dist/client');
  const t0 = performance.now();
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'error', build: { outDir: distDir, emptyOutDir: true } });
  if (!statSync(join(distDir, 'index.html')).isFile()) throw new Error('client build produced no index.html');
  current = { root, serverEntry: join(root, 'server/index.ts'), distDir, commit, uncommitted, buildSeconds: (performance.now() - t0) / 1000 };
  return current;
}

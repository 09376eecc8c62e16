import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RelayJob, RelayResult } from '../loadgen/relay';
import { ProcessSampler, rssBytes } from './proc';
import { repoRoot, startContender, type ContenderId, type RoomTarget } from './servers';

export interface RelayRunSpec {
  contender: ContenderId;
  rooms: number;
  clientsPerRoom: number;
  /** Stock providers per room (default 1, the convergence check); the other clients are wire clients. */
  fullClientsPerRoom?: number;
  intervalMs: number;
  durationMs: number;
  drainTimeoutMs: number;
  /** Directory for a V8 CPU profile of the server (ours), written when it stops. */
  cpuProfDir?: string;
  /** Directory for a V8 CPU profile of the load generator, to check that it is not what sets the pace. */
  loadgenCpuProfDir?: string;
  /** Extra environment for the server (experiments: COMPACT_AFTER_UPDATES, …). */
  serverEnv?: Record<string, string>;
}

export interface RelayRunResult extends RelayResult {
  contender: ContenderId;
  server: { cpuPercent: number; cpuSeconds: number; runQueuePercent: number; peakRssMiB: number; endRssMiB: number; idleRssMiB: number };
  error?: string;
}

/** One run: a fresh server, a fresh load generator process, the server's CPU and RSS over the edit window. */
export async function runRelay(spec: RelayRunSpec): Promise<RelayRunResult> {
  const server = await startContender(spec.contender, { cpuProfDir: spec.cpuProfDir, env: spec.serverEnv });
  try {
    const targets: RoomTarget[] = [];
    for (let r = 0; r < spec.rooms; r++) targets.push(await server.createRoom(`bench-${r}`));
    const job: RelayJob = {
      targets,
      clientsPerRoom: spec.clientsPerRoom,
      fullClientsPerRoom: spec.fullClientsPerRoom ?? 1,
      intervalMs: spec.intervalMs,
      durationMs: spec.durationMs,
      drainTimeoutMs: spec.drainTimeoutMs,
      connectTimeoutMs: 60_000,
      connectBatch: 20,
    };
    const { result, stats, idleRssMiB } = await runLoadgen(job, [server.pid], () => server.log, spec.durationMs, spec.drainTimeoutMs, spec.loadgenCpuProfDir);
    const s = stats[0];
    return {
      ...result,
      contender: spec.contender,
      server: {
        cpuPercent: s.cpuPercent,
        cpuSeconds: s.cpuSeconds,
        runQueuePercent: s.waitPercent,
        peakRssMiB: s.peakRssBytes / 1048576,
        endRssMiB: s.endRssBytes / 1048576,
        idleRssMiB: idleRssMiB[0],
      },
    };
  } finally {
    await server.stop();
    server.removeData();
  }
}

export type SamplerStats = ReturnType<ProcessSampler['stop']>;

/**
 * Runs the load generator process on a job and samples the server processes (one, or every instance of a
 * cluster) over the edit window: from its edit-start event to its drained event.
 */
export async function runLoadgen(
  job: RelayJob,
  pids: number[],
  serverLog: () => string,
  durationMs: number,
  drainTimeoutMs: number,
  loadgenCpuProfDir?: string,
): Promise<{ result: RelayResult; stats: SamplerStats[]; idleRssMiB: number[] }> {
  const samplers = pids.map((pid) => new ProcessSampler(pid));
  let idleRssMiB: number[] = pids.map(() => 0);
  let stats: SamplerStats[] | undefined;
  const result = await new Promise<RelayResult>((resolve, reject) => {
    const profArgs = loadgenCpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${loadgenCpuProfDir}`] : [];
    const child = spawn(process.execPath, [...profArgs, '--import', 'tsx', join(repoRoot, 'bench/loadgen/relay.ts')], {
      cwd: repoRoot,
      env: { ...process.env, BENCH_JOB: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let parsed: RelayResult | undefined;
    const hardStop = setTimeout(() => child.kill('SIGKILL'), job.connectTimeoutMs * 5 + durationMs + drainTimeoutMs + 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line === 'LOADGEN_EVENT edit-start') {
          idleRssMiB = pids.map((pid) => (rssBytes(pid) ?? 0) / 1048576);
          for (const sm of samplers) sm.start();
        } else if (line === 'LOADGEN_EVENT drained') {
          stats = samplers.map((sm) => sm.stop());
        } else if (line.startsWith('LOADGEN_RESULT ')) {
          parsed = JSON.parse(line.slice('LOADGEN_RESULT '.length)) as RelayResult;
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-8000)));
    child.once('exit', (code) => {
      clearTimeout(hardStop);
      if (parsed) resolve(parsed);
      else {
        const serverTail = serverLog().split('\n').slice(-8).join('\n');
        reject(new Error(`load generator exited with ${code}: ${err.replace(/\(node:\d+\) MaxListeners[^\n]*\n[^\n]*\n/g, '').trim().slice(-1500)}\nserver log tail:\n${serverTail}`));
      }
    });
  });
  return { result, stats: stats ?? samplers.map((sm) => sm.stop()), idleRssMiB };
}

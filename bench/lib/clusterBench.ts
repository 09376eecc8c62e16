import { randomBytes } from 'node:crypto';
import type { RelayJob, RelayResult } from '../loadgen/relay';
import { runLoadgen, type SamplerStats } from './relayRun';
import { coldLoad, type ColdLoadResult } from './storageBench';
import { startContender, type RoomTarget, type RunningServer } from './servers';
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from '../../test/helpers/clusterServices';

/** The setups compared across instances (issue 18). */
export type ClusterSetup = 'ours-one' | 'ours-two' | 'hocuspocus-redis-two';

export const CLUSTER_SETUP_LABEL: Record<ClusterSetup, string> = {
  'ours-one': 'Mantelkaart, 1 instance on PostgreSQL + Redis (stored before relayed)',
  'ours-two': 'Mantelkaart, 2 instances on PostgreSQL + Redis (stored before relayed)',
  'hocuspocus-redis-two': '@hocuspocus/server 3.4.4 + @hocuspocus/extension-redis, 2 instances (memory, pub/sub)',
};

export interface ClusterRelayRun extends RelayResult {
  setup: ClusterSetup;
  clients: number;
  intervalMs: number;
  /** Summed over the instances: CPU as a share of one core, peak RSS. */
  serverCpuPercent: number;
  serverPeakRssMiB: number;
  /** Ours: updates PostgreSQL holds numbers for after the run, per second of the edit window. */
  storedPerSecond?: number;
}

export interface ClusterBenchResult {
  relay: ClusterRelayRun[];
  coldLoad?: ColdLoadResult;
  postgres: string;
  redis: string;
}

export interface ClusterBenchSpec {
  clients: number;
  intervalMs: number;
  /** A heavier load for throughput: more clients, a shorter interval. */
  throughput: { clients: number; intervalMs: number };
  durationMs: number;
  drainTimeoutMs: number;
  repeats: number;
  coldNodes: number;
  coldEdges: number;
}

const OURS = 'mantelkaart' as const;

async function startSetup(setup: ClusterSetup, pg: TestPostgres, redis: TestRedis): Promise<RunningServer[]> {
  if (setup === 'hocuspocus-redis-two') {
    return Promise.all([0, 1].map(() => startContender('hocuspocus', { env: { REDIS_URL: redis.url } })));
  }
  const env = { STORAGE: 'postgres', DATABASE_URL: pg.url, REDIS_URL: redis.url, SECRET: 'c'.repeat(64) };
  const count = setup === 'ours-one' ? 1 : 2;
  const servers: RunningServer[] = [];
  for (let i = 0; i < count; i++) servers.push(await startContender(OURS, { env }));
  return servers;
}

async function runOne(setup: ClusterSetup, clients: number, intervalMs: number, spec: ClusterBenchSpec, pg: TestPostgres, redis: TestRedis): Promise<ClusterRelayRun> {
  const servers = await startSetup(setup, pg, redis);
  try {
    const first = await servers[0].createRoom(`cluster-${randomBytes(4).toString('hex')}`);
    const target: RoomTarget = { ...first, urls: servers.map((s) => s.target(first.room, first.token).url) };
    const job: RelayJob = {
      targets: [target],
      clientsPerRoom: clients,
      fullClientsPerRoom: 1,
      intervalMs,
      durationMs: spec.durationMs,
      drainTimeoutMs: spec.drainTimeoutMs,
      connectTimeoutMs: 60_000,
      connectBatch: 20,
    };
    const { result, stats } = await runLoadgen(job, servers.map((s) => s.pid), () => servers.map((s) => s.log).join('\n'), spec.durationMs, spec.drainTimeoutMs);
    const sum = (f: (s: SamplerStats) => number) => stats.reduce((n, s) => n + f(s), 0);
    const run: ClusterRelayRun = {
      ...result,
      setup,
      clients,
      intervalMs,
      serverCpuPercent: sum((s) => s.cpuPercent),
      serverPeakRssMiB: sum((s) => s.peakRssBytes) / 1048576,
    };
    if (setup !== 'hocuspocus-redis-two') {
      const stored = Number((await pg.sql(`SELECT last_seq FROM mk_docs WHERE name = '${first.room}'`)).trim());
      run.storedPerSecond = stored / (spec.durationMs / 1000);
    }
    return run;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    for (const s of servers) s.removeData();
  }
}

/**
 * Relay latency and delivery with the clients spread over two instances, against one instance and against
 * Hocuspocus with its Redis extension, same harness and load generator as the relay part; a heavier run for
 * throughput; and a cold load of a big map from PostgreSQL. PostgreSQL and Redis are throwaway ones from
 * Debian's packages, as in the tests.
 */
export async function clusterBench(spec: ClusterBenchSpec, say: (msg: string) => void): Promise<ClusterBenchResult> {
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  try {
    const postgres = (await pg.sql('SHOW server_version')).trim();
    const relay: ClusterRelayRun[] = [];
    const setups: ClusterSetup[] = ['ours-one', 'ours-two', 'hocuspocus-redis-two'];
    for (let rep = 0; rep < spec.repeats; rep++) {
      // Rotated per repetition, as in the relay part: nobody always runs first.
      for (const setup of setups.map((_, i) => setups[(i + rep) % setups.length])) {
        const run = await runOne(setup, spec.clients, spec.intervalMs, spec, pg, redis);
        relay.push(run);
        say(`cluster ${setup} ${spec.clients} clients #${rep + 1}: p50 ${run.latencyMs.p50.toFixed(1)} ms, p99 ${run.latencyMs.p99.toFixed(1)} ms, delivered ${(run.deliveredShare * 100).toFixed(2)}%, not converged ${run.roomsNotConverged}`);
      }
    }
    for (const setup of ['ours-two', 'hocuspocus-redis-two'] as ClusterSetup[]) {
      const run = await runOne(setup, spec.throughput.clients, spec.throughput.intervalMs, spec, pg, redis);
      relay.push(run);
      say(`cluster throughput ${setup} ${spec.throughput.clients} clients every ${spec.throughput.intervalMs} ms: p99 ${run.latencyMs.p99.toFixed(1)} ms, sent ${(run.sendRate * spec.throughput.clients).toFixed(0)}/s, stored ${run.storedPerSecond?.toFixed(0) ?? '-'}/s`);
    }
    const cold = await coldLoad(OURS, spec.coldNodes, spec.coldEdges, { STORAGE: 'postgres', DATABASE_URL: pg.url, SECRET: 'c'.repeat(64) });
    say(`cluster cold load of ${spec.coldNodes} cards from PostgreSQL: ${cold.connectToSyncedMs.toFixed(0)} ms connect to synced`);
    return { relay, coldLoad: cold, postgres, redis: 'Redis 7 (Debian redis-server)' };
  } finally {
    await redis.stop();
    await pg.stop();
  }
}

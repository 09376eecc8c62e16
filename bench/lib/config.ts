import type { ContenderId } from './servers';
import { CONTENDERS } from './servers';
import type { ClusterBenchSpec } from './clusterBench';

/** Everything that scales the benchmark, from the environment. BENCH_QUICK=1 is a 1–2 minute smoke run. */
export interface BenchConfig {
  quick: boolean;
  /** Parts to run: relay, rooms, storage, robustness, versions, client, phone, cluster (BENCH_ONLY=relay,client). */
  parts: Set<string>;
  contenders: ContenderId[];
  /** repeats: runs per contender for each size (sizes[i] gets repeats[i]). */
  relay: { sizes: number[]; repeats: number[]; durationMs: number; intervalMs: number; drainTimeoutMs: number };
  rooms: { rooms: number; clientsPerRoom: number; intervalMs: number; durationMs: number; repeats: number; contenders: ContenderId[] };
  storage: { coldNodes: number; coldEdges: number; edits: number };
  client: { nodes: number; edges: number; gestureMs: number; selectCount: number };
  /** The view link on a throttled phone (issue 17): cold loads per map, and the size of the big map. */
  phone: { runs: number; bigNodes: number };
  /** Several instances on PostgreSQL and Redis against one, and against Hocuspocus with Redis (issue 18). */
  cluster: ClusterBenchSpec;
  /** Stock providers per room in relay and many-rooms runs (BENCH_FULL_CLIENTS; the rest are wire clients). */
  fullClientsPerRoom: number;
  /** CPU profiles of our server and Chrome traces of the client, in bench/tmp/profiles (BENCH_PROFILE=1). */
  profile: boolean;
  /** Write BENCHMARKS.md and bench/results.json (off for partial and quick runs unless BENCH_WRITE=1). */
  write: boolean;
}

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export function loadConfig(): BenchConfig {
  const quick = process.env.BENCH_QUICK === '1';
  const all = ['relay', 'rooms', 'storage', 'robustness', 'versions', 'client', 'phone', 'cluster'];
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const parts = new Set(only && only.length > 0 ? only : all);
  for (const p of parts) if (!all.includes(p)) throw new Error(`BENCH_ONLY: unknown part "${p}" (use ${all.join(', ')})`);
  const contenders = (process.env.BENCH_CONTENDERS?.split(',').map((s) => s.trim()) ?? [...CONTENDERS]) as ContenderId[];
  for (const c of contenders) if (!CONTENDERS.includes(c)) throw new Error(`BENCH_CONTENDERS: unknown contender "${c}"`);
  const sizes = (process.env.BENCH_RELAY_SIZES ?? '20,100').split(',').map(Number);
  const roomPeers = process.env.BENCH_ROOMS_PEERS === '0' ? [] : quick ? [] : (['yws-memory', 'yws-leveldb', 'hocuspocus'] as ContenderId[]);
  return {
    quick,
    parts,
    contenders,
    relay: {
      sizes,
      // The 20-client runs are short and their p99 differences are a few milliseconds on a noisy machine: more of them.
      // The 100-client peers fall seconds behind and take twice as long per run; two runs show that plainly.
      repeats: sizes.map((size) => num('BENCH_REPEATS', quick ? 1 : size <= 20 ? 5 : 2)),
      durationMs: num('BENCH_RELAY_SECONDS', quick ? 3 : 8) * 1000,
      intervalMs: 50,
      drainTimeoutMs: 15_000,
    },
    rooms: {
      rooms: num('BENCH_ROOMS', 100),
      clientsPerRoom: num('BENCH_ROOM_CLIENTS', 10),
      intervalMs: 500,
      durationMs: num('BENCH_ROOMS_SECONDS', quick ? 4 : 10) * 1000,
      repeats: num('BENCH_ROOMS_REPEATS', quick ? 1 : 2),
      // Without the write-ahead log only in the relay part (issue 13's comparison); here the peers, within 15 minutes.
      contenders: ['mantelkaart', ...roomPeers.filter((c) => contenders.includes(c))],
    },
    storage: {
      coldNodes: num('BENCH_COLD_NODES', quick ? 1000 : 5000),
      coldEdges: num('BENCH_COLD_EDGES', quick ? 1500 : 7500),
      edits: num('BENCH_EDITS', quick ? 10_000 : 100_000),
    },
    client: {
      nodes: num('BENCH_CLIENT_NODES', 2000),
      edges: num('BENCH_CLIENT_EDGES', 3000),
      gestureMs: num('BENCH_GESTURE_SECONDS', quick ? 2 : 4) * 1000,
      selectCount: 50,
    },
    phone: { runs: num('BENCH_PHONE_RUNS', quick ? 1 : 3), bigNodes: num('BENCH_PHONE_NODES', 2000) },
    cluster: {
      clients: 20,
      intervalMs: 50,
      throughput: { clients: 60, intervalMs: 20 },
      durationMs: num('BENCH_CLUSTER_SECONDS', quick ? 3 : 6) * 1000,
      drainTimeoutMs: 15_000,
      repeats: num('BENCH_CLUSTER_REPEATS', quick ? 1 : 3),
      coldNodes: num('BENCH_COLD_NODES', quick ? 1000 : 5000),
      coldEdges: num('BENCH_COLD_EDGES', quick ? 1500 : 7500),
    },
    fullClientsPerRoom: num('BENCH_FULL_CLIENTS', 1),
    profile: process.env.BENCH_PROFILE === '1',
    // A quick or partial run must not replace the full run's numbers by accident.
    write: process.env.BENCH_WRITE === '1' || (!only && !quick && process.env.BENCH_WRITE !== '0'),
  };
}

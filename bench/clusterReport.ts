import type { ClusterBenchResult, ClusterRelayRun, ClusterSetup } from './lib/clusterBench';
import { CLUSTER_SETUP_LABEL } from './lib/clusterBench';
import { median, round } from './lib/stats';
import type { Target } from './target';

const ms = (v: number) => (!Number.isFinite(v) ? 'n/a' : v >= 100 ? `${Math.round(v)} ms` : `${round(v, 1)} ms`);

/** The runs of one setup at the everyday load (not the throughput runs), and their median p99. */
function everyday(c: ClusterBenchResult, setup: ClusterSetup): { runs: ClusterRelayRun[]; p99: number } {
  const clients = Math.min(...c.relay.map((r) => r.clients));
  const runs = c.relay.filter((r) => r.setup === setup && r.clients === clients);
  return { runs, p99: runs.length ? median(runs.map((r) => r.latencyMs.p99)) : Number.NaN };
}

/** Issue 18's goals: across two instances p99 at most 1.5× one instance, and better than Hocuspocus with Redis. */
export function clusterTargets(c: ClusterBenchResult | undefined): Target[] {
  const one = c ? everyday(c, 'ours-one') : undefined;
  const two = c ? everyday(c, 'ours-two') : undefined;
  const hp = c ? everyday(c, 'hocuspocus-redis-two') : undefined;
  const lost = (runs: ClusterRelayRun[] | undefined) => (runs ?? []).some((r) => r.deliveredShare < 1 || r.roomsNotConverged > 0);
  return [
    {
      name: 'Relay across two instances on PostgreSQL + Redis (20 clients, every update stored before it is relayed): p99',
      target: '≤ 1.5 × one instance',
      measured: one && two ? `${ms(two.p99)} against ${ms(one.p99)} (${round(two.p99 / one.p99, 2)}×)` : 'n/a',
      met: one && two && one.runs.length && two.runs.length ? two.p99 <= 1.5 * one.p99 && !lost(two.runs) : null,
    },
    {
      name: 'Relay across two instances: p99 against Hocuspocus with its Redis extension on two instances',
      target: 'better',
      measured: two && hp ? `${ms(two.p99)} against ${ms(hp.p99)}` : 'n/a',
      met: two && hp && two.runs.length && hp.runs.length ? two.p99 < hp.p99 && !lost(two.runs) : null,
    },
  ];
}

export function clusterSection(c: ClusterBenchResult): string[] {
  const L: string[] = ['## Several instances on PostgreSQL and Redis (issue 18)', ''];
  L.push(
    `One room, the clients spread over the instances (client i on instance i mod n), the same load generator and latency measure as the relay part; ${c.postgres} and ${c.redis}, throwaway ones on this machine, so database, Redis, instances and load generator share its two cores. ` +
      'Ours commits every update to PostgreSQL before it goes on the Redis stream; Hocuspocus keeps documents in memory and passes updates over Redis pub/sub (no storage). CPU and RSS are summed over the instances.',
    '',
  );
  L.push('| setup | clients, interval | p50 | p99 | delivered | rooms not converged | sent/s per client | stored/s | server CPU | server RSS |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of c.relay) {
    L.push(
      `| ${CLUSTER_SETUP_LABEL[r.setup]} | ${r.clients}, ${r.intervalMs} ms | ${ms(r.latencyMs.p50)} | ${ms(r.latencyMs.p99)} | ${round(r.deliveredShare * 100, 2)}% | ${r.roomsNotConverged} | ${round(r.sendRate, 1)} | ${r.storedPerSecond !== undefined ? Math.round(r.storedPerSecond) : '-'} | ${Math.round(r.serverCpuPercent)}% | ${Math.round(r.serverPeakRssMiB)} MiB |`,
    );
  }
  L.push('');
  if (c.coldLoad) {
    const k = c.coldLoad;
    L.push(
      `Cold load from PostgreSQL: a ${k.nodes}-card map with ${k.edges} relations (${Math.round(k.stateBytes / 1024)} KiB as one update), the instance restarted, then one client from opening its socket until it holds every card: ${ms(k.connectToSyncedMs)} (process start until listening ${ms(k.startMs)}).`,
      '',
    );
  }
  return L;
}

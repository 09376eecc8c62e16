// `npm run bench`: Mantelkaart against @y/websocket-server and Hocuspocus on this machine, in one run.
// Never part of `npm test`. Scale with BENCH_QUICK=1 (smoke run) and the variables in lib/config.ts.
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './lib/config';
import { median } from './lib/stats';
import { runRelay, type RelayRunResult } from './lib/relayRun';
import { coldLoad, logGrowth, type ColdLoadResult, type LogGrowthResult } from './lib/storageBench';
import { clientBench, type ClientBenchResult } from './lib/clientBench';
import { phoneLoadBench, type LoadRun, type PhoneLoadResult } from './lib/phoneLoadBench';
import { robustnessBench, type RobustnessResult } from './lib/robustnessBench';
import { versionsBench, type VersionsResult } from './lib/versionsBench';
import { clusterBench, type ClusterBenchResult } from './lib/clusterBench';
import { machineInfo } from './lib/proc';
import { takeSnapshot, type Snapshot } from './lib/snapshot';
import { benchTmp, repoRoot, type ContenderId } from './lib/servers';
import { profileServer, type ServerProfile } from './lib/serverProfile';
import { renderMarkdown, summarize, type BenchResults } from './report';

const config = loadConfig();
const started = Date.now();
const loads: { at: string; load1: number }[] = [];
const noteLoad = (at: string) => loads.push({ at, load1: Math.round(loadavg()[0] * 100) / 100 });
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const say = (msg: string) => console.log(`[bench ${elapsed()}] ${msg}`);
const errors: string[] = [];

async function part<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    const msg = `${name}: ${err instanceof Error ? err.message : String(err)}`;
    errors.push(msg);
    console.error(`[bench] FAILED ${msg}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  mkdirSync(benchTmp, { recursive: true });
  noteLoad('start');
  say(`machine: ${JSON.stringify(machineInfo())}, load ${loadavg()[0].toFixed(2)}`);
  say('snapshot of server/ and shared/, client build into bench/tmp/snapshot-<pid>');
  const snap: Snapshot = await takeSnapshot();
  say(`built in ${snap.buildSeconds.toFixed(1)} s at ${snap.commit}${snap.uncommitted.length ? ` (+${snap.uncommitted.length} uncommitted paths)` : ''}`);

  const relayRuns: RelayRunResult[] = [];
  if (config.parts.has('relay')) {
    const { sizes, repeats, durationMs, intervalMs, drainTimeoutMs } = config.relay;
    for (let rep = 0; rep < Math.max(...repeats); rep++) {
      for (const [i, size] of sizes.entries()) {
        if (rep >= repeats[i]) continue;
        // Interleaved, and rotated per repetition so no contender always runs first.
        const order = config.contenders.map((_, i) => config.contenders[(i + rep) % config.contenders.length]);
        for (const contender of order) {
          noteLoad(`relay ${size} ${contender}`);
          const run = await part(`relay ${size} clients on ${contender}`, () =>
            runRelay({ contender, rooms: 1, clientsPerRoom: size, fullClientsPerRoom: config.fullClientsPerRoom, intervalMs, durationMs, drainTimeoutMs }),
          );
          if (run) {
            relayRuns.push(run);
            say(
              `relay ${size} ${contender} #${rep + 1}: p50 ${run.latencyMs.p50.toFixed(1)} ms, p99 ${run.latencyMs.p99.toFixed(1)} ms, ` +
                `delivered ${(run.deliveredShare * 100).toFixed(2)}%, rooms not converged ${run.roomsNotConverged}, server CPU ${run.server.cpuPercent.toFixed(0)}%, RSS ${run.server.peakRssMiB.toFixed(0)} MiB, ` +
                `sent ${run.sendRate.toFixed(1)}/s per client`,
            );
          }
        }
      }
    }
  }

  const roomRuns: RelayRunResult[] = [];
  if (config.parts.has('rooms')) {
    const { rooms, clientsPerRoom, intervalMs, durationMs, repeats, contenders } = config.rooms;
    for (let rep = 0; rep < repeats; rep++) {
      // Rotated like the relay part: whoever runs first runs right after whatever the machine did before.
      const order = contenders.map((_, i) => contenders[(i + rep) % contenders.length]);
      for (const contender of order) {
        noteLoad(`rooms ${contender}`);
        const run = await part(`many rooms on ${contender}`, () =>
          runRelay({ contender, rooms, clientsPerRoom, fullClientsPerRoom: config.fullClientsPerRoom, intervalMs, durationMs, drainTimeoutMs: 15_000 }),
        );
        if (run) {
          roomRuns.push(run);
          say(
            `many rooms ${contender} #${rep + 1}: p99 ${run.latencyMs.p99.toFixed(1)} ms (after the first second ${run.warmLatencyMs?.p99.toFixed(1)} ms), ` +
              `delivered ${(run.deliveredShare * 100).toFixed(2)}%, rooms not converged ${run.roomsNotConverged}, sent ${run.sendRate.toFixed(2)}/s per client, ` +
              `server CPU ${run.server.cpuPercent.toFixed(0)}%, waiting ${run.server.runQueuePercent.toFixed(0)}%, RSS ${run.server.peakRssMiB.toFixed(0)} MiB`,
          );
        }
      }
    }
  }

  const cold: ColdLoadResult[] = [];
  const growth: LogGrowthResult[] = [];
  if (config.parts.has('storage')) {
    for (const c of ['mantelkaart', 'yws-leveldb'] as const) {
      if (!config.contenders.includes(c)) continue;
      noteLoad(`storage ${c}`);
      const r = await part(`cold load on ${c}`, () => coldLoad(c, config.storage.coldNodes, config.storage.coldEdges));
      if (r) {
        cold.push(r);
        say(`cold load ${c}: connect→synced ${r.connectToSyncedMs.toFixed(0)} ms, spawn→synced ${r.spawnToSyncedMs.toFixed(0)} ms`);
      }
      const g = await part(`log growth on ${c}`, () => logGrowth(c, config.storage.edits));
      if (g) {
        growth.push(g);
        say(`${g.edits} edits on ${c}: ${g.editsPerSecond.toFixed(0)}/s, disk ${(g.diskBytesRunning / 1024).toFixed(0)} KiB vs state ${(g.stateBytes / 1024).toFixed(0)} KiB`);
      }
    }
  }

  let robustness: RobustnessResult | undefined;
  if (config.parts.has('robustness')) {
    noteLoad('robustness');
    robustness = await part('robustness', () => robustnessBench());
    if (robustness) {
      say(
        `revoke → socket closed: median ${robustness.revokeToCloseMedianMs.toFixed(1)} ms, max ${robustness.revokeToCloseMaxMs.toFixed(1)} ms; ` +
          `slow reader: closed ${robustness.slowConsumer.closeCode} after ${robustness.slowConsumer.sentMiB.toFixed(0)} MiB sent, RSS ${robustness.slowConsumer.baselineRssMiB.toFixed(0)} → peak ${robustness.slowConsumer.peakRssMiB.toFixed(0)} MiB`,
      );
    }
  }

  let versions: VersionsResult | undefined;
  if (config.parts.has('versions')) {
    noteLoad('versions');
    versions = await part('versions', () => versionsBench());
    if (versions) {
      say(
        `versions of a ${versions.nodes}-card map: save median ${versions.saveMedianMs.toFixed(0)} ms, stored ${(versions.versionBytes / 1024).toFixed(0)} KiB per version ` +
          `against a state of ${(versions.stateBytes / 1024).toFixed(0)} KiB, compare median ${versions.compareMedianMs.toFixed(0)} ms (${versions.changes} changes)`,
      );
    }
  }

  let client: ClientBenchResult | undefined;
  if (config.parts.has('client')) {
    noteLoad('client');
    client = await part('client in Chromium', () => clientBench({ ...config.client, profile: config.profile }));
    if (client) say(`client: drawn ${client.drawnMs.toFixed(0)} ms, pan p95 ${client.pan.p95Ms.toFixed(1)} ms, drag p95 ${client.drag.p95Ms.toFixed(1)} ms, initial JS ${(client.initialJs.gzipBytes / 1000).toFixed(0)} kB gz`);
  }

  let phone: PhoneLoadResult | undefined;
  if (config.parts.has('phone')) {
    noteLoad('phone');
    phone = await part('view link on a throttled phone', () => phoneLoadBench(config.phone));
    if (phone) {
      const med = (runs: LoadRun[], f: (r: LoadRun) => number) => median(runs.map(f));
      say(
        `phone, Fast 3G, CPU ×4: view link drawn ${med(phone.viewLink, (r) => r.drawnMs).toFixed(0)} ms, ${(med(phone.viewLink, (r) => r.bytes) / 1024).toFixed(0)} KiB; ` +
          `${phone.bigNodes} cards drawn ${med(phone.bigViewLink, (r) => r.drawnMs).toFixed(0)} ms; edit link JS ${(phone.editLinkLaptop.jsBytes / 1024).toFixed(0)} KiB; ` +
          `shaped on the wire: ${med(phone.viewLinkWire ?? [], (r) => r.drawnMs).toFixed(0)} ms and ${med(phone.bigViewLinkWire ?? [], (r) => r.drawnMs).toFixed(0)} ms`,
      );
    }
  }

  let cluster: ClusterBenchResult | undefined;
  if (config.parts.has('cluster')) {
    noteLoad('cluster');
    cluster = await part('cluster on PostgreSQL and Redis', () => clusterBench(config.cluster, say));
  }

  let serverProfile: ServerProfile | undefined;
  if (config.profile) {
    noteLoad('server profile');
    serverProfile = await part('server CPU profile', () => profileServer(Math.max(...config.relay.sizes), config.relay.durationMs));
    if (serverProfile) say(`server profile: ${serverProfile.file}`);
  }
  noteLoad('end');

  const results: BenchResults = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: machineInfo(),
    load: loads,
    snapshot: { commit: snap.commit, uncommitted: snap.uncommitted, buildSeconds: snap.buildSeconds },
    config: { ...config, parts: [...config.parts] },
    relay: { runs: relayRuns, summary: summarize(relayRuns) },
    manyRooms: { runs: roomRuns, summary: summarize(roomRuns) },
    storage: { coldLoad: cold, logGrowth: growth },
    client,
    robustness,
    versions,
    phone,
    cluster,
    serverProfile,
    errors,
  };
  // Rendered first: it adds the verdict on each target, which results.json keeps too (as bench/render.ts writes it).
  const md = renderMarkdown(results);
  const resultsFile = config.write ? join(repoRoot, 'bench/results.json') : join(benchTmp, 'results.json');
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  const mdFile = config.write ? join(repoRoot, 'BENCHMARKS.md') : join(benchTmp, 'BENCHMARKS.md');
  writeFileSync(mdFile, md);
  say(`wrote ${resultsFile} and ${mdFile}`);
  if (errors.length) say(`${errors.length} part(s) failed: ${errors.join(' | ')}`);
}

const ceiling = setTimeout(() => {
  console.error('[bench] gave up after 40 minutes');
  process.exit(1);
}, 40 * 60_000);
ceiling.unref();
main().then(
  () => process.exit(errors.length ? 1 : 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

export type { ContenderId };

// Is our relay latency the inline compaction? The same 20-client relay on our server with the default
// COMPACT_AFTER_UPDATES and with compaction effectively off, interleaved. Run by hand; writes only bench/tmp.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runRelay, type RelayRunResult } from './lib/relayRun';
import { takeSnapshot } from './lib/snapshot';
import { benchTmp } from './lib/servers';

await takeSnapshot();
const clients = Number(process.env.N ?? 20);
const variants: Record<string, Record<string, string> | undefined> = { default: undefined, 'no compaction': { COMPACT_AFTER_UPDATES: '1000000' } };
const out: Record<string, RelayRunResult[]> = {};
for (let rep = 0; rep < Number(process.env.REPEATS ?? 2); rep++) {
  for (const [name, env] of Object.entries(variants)) {
    const r = await runRelay({ contender: 'mantelkaart', rooms: 1, clientsPerRoom: clients, intervalMs: 50, durationMs: 8000, drainTimeoutMs: 15_000, serverEnv: env });
    (out[name] ??= []).push(r);
    console.log(`${name}: p50 ${r.latencyMs.p50.toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms, sent ${r.sendRate.toFixed(1)}/s, server CPU ${r.server.cpuPercent.toFixed(0)}%, waiting ${r.server.runQueuePercent.toFixed(0)}%, delivered ${(r.deliveredShare * 100).toFixed(1)}%`);
  }
}
writeFileSync(join(benchTmp, 'experiment-compaction.json'), JSON.stringify(out, null, 2));

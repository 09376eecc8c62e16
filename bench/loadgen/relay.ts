// The load generator: every client of one relay or many-rooms run lives in this one process, so one clock
// (performance.now) times an edit from its sender to its arrival at every other client. It runs apart from the
// server so that the server's CPU is measured alone. Input: BENCH_JOB (JSON); output: event lines and one result.
import * as Y from 'yjs';
import { openBenchClient, waitFor, type BenchClient } from '../lib/clients';
import type { RoomTarget } from '../lib/servers';
import { percentileSorted } from '../lib/stats';
import { cpuSeconds, runQueueSeconds } from '../lib/proc';

export interface RelayJob {
  targets: RoomTarget[];
  clientsPerRoom: number;
  intervalMs: number;
  durationMs: number;
  /** How long to wait after the last edit for everything to arrive. */
  drainTimeoutMs: number;
  connectTimeoutMs: number;
  /** Clients opened at once while connecting (a connect storm is not what this measures). */
  connectBatch: number;
}

export interface RelayResult {
  clients: number;
  rooms: number;
  editsSent: number;
  expectedDeliveries: number;
  delivered: number;
  deliveredShare: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Edits that left on time: a generator that falls behind its own timers sends fewer. */
  sendRate: number;
  connectMs: number;
  drainMs: number;
  closesDuringRun: number;
  loadgenCpuPercent: number;
  /** Share of the edit window the generator's main thread was ready to run but waited for a CPU. */
  loadgenRunQueuePercent: number;
  /** Largest gap between timer ticks in the generator: how far its own event loop fell behind. */
  loadgenMaxLagMs: number;
}

interface Member {
  client: BenchClient;
  map: Y.Map<{ s: number; t: number }>;
  index: number;
}

function emit(event: string): void {
  process.stdout.write(`LOADGEN_EVENT ${event}\n`);
}

async function main(job: RelayJob): Promise<RelayResult> {
  const roomCount = job.targets.length;
  const n = job.clientsPerRoom;
  const maxEdits = Math.ceil(job.durationMs / job.intervalMs) + 8;
  // sendTimes[global sender][seq] and seen[global receiver][sender in room]: flat typed arrays, no garbage.
  const total = roomCount * n;
  const sendTimes = new Float64Array(total * maxEdits);
  const sent = new Int32Array(total);
  const seen = new Int32Array(total * n);
  const latencies = new Float64Array(roomCount * n * (n - 1) * maxEdits);
  let recorded = 0;
  let recording = false;

  const rooms: Member[][] = [];
  const connectStart = performance.now();
  for (let r = 0; r < roomCount; r++) rooms.push([]);
  const all: { r: number; i: number }[] = [];
  for (let i = 0; i < n; i++) for (let r = 0; r < roomCount; r++) all.push({ r, i });
  for (let b = 0; b < all.length; b += job.connectBatch) {
    const batch = all.slice(b, b + job.connectBatch).map(({ r, i }) => {
      const doc = new Y.Doc();
      const map = doc.getMap<{ s: number; t: number }>('bench');
      const global = r * n + i;
      map.observe((event) => {
        if (!recording || event.transaction.local) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          const sender = Number(key);
          if (sender === i || !(sender >= 0 && sender < n)) continue;
          const value = map.get(key);
          if (!value) continue;
          const slot = global * n + sender;
          const from = seen[slot];
          const senderGlobal = r * n + sender;
          for (let s = from + 1; s <= value.s && s < maxEdits; s++) latencies[recorded++] = now - sendTimes[senderGlobal * maxEdits + s];
          if (value.s > from) seen[slot] = value.s;
        }
      });
      const member: Member = { client: openBenchClient(job.targets[r], doc), map, index: i };
      rooms[r][i] = member;
      return member;
    });
    await waitFor(() => batch.every((m) => m.client.isSynced()), `clients ${b}..${b + batch.length} synced`, job.connectTimeoutMs);
  }
  const connectMs = performance.now() - connectStart;
  const members = rooms.flat();
  const closesBefore = members.reduce((a, m) => a + m.client.closes(), 0);

  // Let awareness and handshakes settle before the clock starts.
  await new Promise((r) => setTimeout(r, 500));
  recording = true;
  const cpuStart = cpuSeconds(process.pid) ?? 0;
  const waitStart = runQueueSeconds(process.pid) ?? 0;
  emit('edit-start');
  const editStart = performance.now();
  const stopAt = editStart + job.durationMs;
  let maxLag = 0;
  await new Promise<void>((resolve) => {
    let running = members.length;
    rooms.forEach((room, r) => {
      room.forEach((m) => {
        const global = r * n + m.index;
        const key = String(m.index);
        let expected = 0;
        const tick = () => {
          const now = performance.now();
          if (expected > 0) maxLag = Math.max(maxLag, now - expected);
          if (now >= stopAt || sent[global] >= maxEdits - 1) {
            if (--running === 0) resolve();
            return;
          }
          const s = ++sent[global];
          const t = performance.now();
          sendTimes[global * maxEdits + s] = t;
          m.map.set(key, { s, t });
          expected = now + job.intervalMs;
          setTimeout(tick, Math.max(0, expected - performance.now()));
        };
        // Spread the clients over one interval so they do not all fire in the same tick.
        const offset = Math.random() * job.intervalMs;
        expected = performance.now() + offset;
        setTimeout(tick, offset);
      });
    });
  });
  const editEnd = performance.now();
  emit('edit-end');

  let expectedDeliveries = 0;
  for (let g = 0; g < total; g++) expectedDeliveries += sent[g] * (n - 1);
  const deliveredNow = () => {
    let d = 0;
    for (let x = 0; x < seen.length; x++) d += seen[x];
    return d;
  };
  const drainStart = performance.now();
  try {
    await waitFor(() => deliveredNow() >= expectedDeliveries, 'every edit delivered to every other client', job.drainTimeoutMs);
  } catch {
    // Reported as a share below 100%.
  }
  const drainMs = performance.now() - drainStart;
  recording = false;
  emit('drained');
  const cpuEnd = cpuSeconds(process.pid) ?? 0;
  const waitEnd = runQueueSeconds(process.pid) ?? 0;
  const delivered = deliveredNow();
  const closesDuringRun = members.reduce((a, m) => a + m.client.closes(), 0) - closesBefore;

  const lat = latencies.subarray(0, recorded).sort();
  let sum = 0;
  for (let x = 0; x < lat.length; x++) sum += lat[x];
  const editsSent = sent.reduce((a, b) => a + b, 0);
  const result: RelayResult = {
    clients: total,
    rooms: roomCount,
    editsSent,
    expectedDeliveries,
    delivered,
    deliveredShare: expectedDeliveries === 0 ? 0 : delivered / expectedDeliveries,
    latencyMs: {
      p50: percentileSorted(lat, 50),
      p90: percentileSorted(lat, 90),
      p99: percentileSorted(lat, 99),
      max: lat.length ? lat[lat.length - 1] : Number.NaN,
      mean: lat.length ? sum / lat.length : Number.NaN,
    },
    sendRate: editsSent / total / ((editEnd - editStart) / 1000),
    connectMs,
    drainMs,
    closesDuringRun,
    loadgenCpuPercent: ((cpuEnd - cpuStart) / ((performance.now() - editStart) / 1000)) * 100,
    loadgenRunQueuePercent: ((waitEnd - waitStart) / ((performance.now() - editStart) / 1000)) * 100,
    loadgenMaxLagMs: maxLag,
  };
  for (const m of members) m.client.destroy();
  return result;
}

const raw = process.env.BENCH_JOB;
if (!raw) {
  process.stderr.write('BENCH_JOB is not set\n');
  process.exit(2);
}
const job = JSON.parse(raw) as RelayJob;
// A hard ceiling so a stuck run can never hang the benchmark.
const ceiling = setTimeout(() => {
  process.stderr.write('LOADGEN_TIMEOUT\n');
  process.exit(3);
}, job.connectTimeoutMs * 4 + job.durationMs + job.drainTimeoutMs + 30_000);
ceiling.unref();
main(job).then(
  (result) => {
    process.stdout.write(`LOADGEN_RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`LOADGEN_FAILED ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);

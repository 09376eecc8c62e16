// The load generator: every client of one relay or many-rooms run lives in this one process, so one clock
// (performance.now) times an edit from its sender to its arrival at every other client. It runs apart from the
// server so that the server's CPU is measured alone. Input: BENCH_JOB (JSON); output: event lines and one result.
//
// Most clients are wire clients (wireClient.ts): the stock protocol on a raw socket, finding edits by their markers
// instead of applying them, so that the generator stays light. The first `fullClientsPerRoom` clients of every room
// are stock providers with a Y.Doc that applies everything; at the end the first of them must hold every client's
// last value, so a server that loses or mangles updates cannot look fast.
import * as Y from 'yjs';
import { openBenchClient, waitFor } from '../lib/clients';
import type { RoomTarget } from '../lib/servers';
import { percentileSorted } from '../lib/stats';
import { cpuSeconds, runQueueSeconds } from '../lib/proc';
import { markerOf, parseMarker } from './marker';
import { WireClient } from './wireClient';

export interface RelayJob {
  targets: RoomTarget[];
  clientsPerRoom: number;
  /** Stock providers per room (at least 1: the convergence check); the rest are wire clients. */
  fullClientsPerRoom: number;
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
  /** Stock providers among `clients` (one per room unless asked otherwise); the others are wire clients. */
  fullClients: number;
  editsSent: number;
  expectedDeliveries: number;
  delivered: number;
  deliveredShare: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /**
   * The same for edits sent after the first second of the window. On a cold server every client's first edit lands
   * within the same few hundred milliseconds; this shows whether that second alone decides the p99.
   */
  warmLatencyMs?: { p50: number; p99: number };
  /** Edits that left on time: a generator that falls behind its own timers sends fewer. */
  sendRate: number;
  connectMs: number;
  drainMs: number;
  closesDuringRun: number;
  /** Rooms whose full client did not end with every client's last value (should be 0). */
  roomsNotConverged: number;
  /** Markers no client sent (wrong room, unknown sender, a sequence number not sent yet): should be 0. */
  unexpectedMarkers: number;
  /** Clients that hit a protocol error (refused, unreadable frame); the first message is kept. */
  clientErrors: number;
  firstClientError?: string;
  loadgenCpuPercent: number;
  /** Share of the edit window the generator's main thread was ready to run but waited for a CPU. */
  loadgenRunQueuePercent: number;
  /** Largest gap between timer ticks in the generator: how far its own event loop fell behind. */
  loadgenMaxLagMs: number;
  /** Latency by the second of the edit window the edit was sent in: a stall shows as one bad second. */
  perSecond?: { second: number; deliveries: number; p50: number; p99: number; max: number }[];
}

/** One simulated client, wire or full, as the run drives it. */
interface Member {
  index: number;
  /** Writes `value` under this client's own key. */
  edit(value: string): void;
  isSynced(): boolean;
  closes(): number;
  failure(): string | undefined;
  destroy(): void;
}

/** Where clients report what reached them. */
interface Arrivals {
  /** Client `i` of room `r` received the marker (room, sender, seq) at `now`. */
  marker(r: number, i: number, room: number, sender: number, seq: number, now: number): void;
  /** A full client found a value that is no marker at all. */
  garbage(): void;
}

const keyOf = (i: number) => String(i);

function openWire(target: RoomTarget, r: number, i: number, arrivals: Arrivals): Member {
  const client = new WireClient(target, (room, sender, seq, at) => arrivals.marker(r, i, room, sender, seq, at));
  return {
    index: i,
    edit: (value) => client.edit(keyOf(i), value),
    isSynced: () => client.isSynced(),
    closes: () => client.closes(),
    failure: () => client.failure,
    destroy: () => client.destroy(),
  };
}

function openFull(target: RoomTarget, r: number, i: number, arrivals: Arrivals): Member & { map: Y.Map<string> } {
  const doc = new Y.Doc();
  const map = doc.getMap<string>('bench');
  map.observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const key of event.keysChanged) {
      if (!map.has(key)) continue;
      const m = parseMarker(map.get(key));
      if (m) arrivals.marker(r, i, m[0], m[1], m[2], now);
      else arrivals.garbage();
    }
  });
  const client = openBenchClient(target, doc);
  return {
    index: i,
    map,
    edit: (value) => map.set(keyOf(i), value),
    isSynced: () => client.isSynced(),
    closes: () => client.closes(),
    failure: () => undefined,
    destroy: () => client.destroy(),
  };
}

function emit(event: string): void {
  process.stdout.write(`LOADGEN_EVENT ${event}\n`);
}

async function main(job: RelayJob): Promise<RelayResult> {
  const roomCount = job.targets.length;
  const n = job.clientsPerRoom;
  const fullPerRoom = Math.min(n, Math.max(1, job.fullClientsPerRoom));
  const maxEdits = Math.ceil(job.durationMs / job.intervalMs) + 8;
  // sendTimes[global sender][seq] and seen[global receiver][sender in room]: flat typed arrays, no garbage.
  const total = roomCount * n;
  const sendTimes = new Float64Array(total * maxEdits);
  const sent = new Int32Array(total);
  const seen = new Int32Array(total * n);
  const latencies = new Float64Array(roomCount * n * (n - 1) * maxEdits);
  /** Send time of each recorded latency, for the per-second breakdown (stalls versus steady queueing). */
  const sentAt = new Float64Array(latencies.length);
  let recorded = 0;
  let recording = false;
  let unexpectedMarkers = 0;

  const arrivals: Arrivals = {
    // Edit `seq` of `sender` reached client `i` of room `r`; every earlier edit of that sender counts as arrived with it.
    marker(r, i, room, sender, seq, now) {
      if (room !== r || sender >= n || seq < 1 || seq > sent[r * n + sender]) {
        unexpectedMarkers++;
        return;
      }
      if (!recording || sender === i) return;
      const slot = (r * n + i) * n + sender;
      const from = seen[slot];
      const senderGlobal = r * n + sender;
      for (let s = from + 1; s <= seq && s < maxEdits; s++) {
        sentAt[recorded] = sendTimes[senderGlobal * maxEdits + s];
        latencies[recorded++] = now - sentAt[recorded - 1];
      }
      if (seq > from) seen[slot] = seq;
    },
    garbage() {
      unexpectedMarkers++;
    },
  };

  const rooms: Member[][] = [];
  /** Per room, the map of its first full client: the convergence check reads it. */
  const checkers: Y.Map<string>[] = [];
  const connectStart = performance.now();
  for (let r = 0; r < roomCount; r++) rooms.push([]);
  const all: { r: number; i: number }[] = [];
  for (let i = 0; i < n; i++) for (let r = 0; r < roomCount; r++) all.push({ r, i });
  for (let b = 0; b < all.length; b += job.connectBatch) {
    const batch = all.slice(b, b + job.connectBatch).map(({ r, i }) => {
      let member: Member;
      // Spread over the instances of a cluster when the target names several.
      const t = job.targets[r];
      const target = t.urls ? { ...t, url: t.urls[i % t.urls.length] } : t;
      if (i < fullPerRoom) {
        const full = openFull(target, r, i, arrivals);
        if (i === 0) checkers[r] = full.map;
        member = full;
      } else member = openWire(target, r, i, arrivals);
      rooms[r][i] = member;
      return member;
    });
    await waitFor(() => batch.every((m) => m.isSynced() || m.failure() !== undefined), `clients ${b}..${b + batch.length} synced`, job.connectTimeoutMs);
    const failed = batch.find((m) => m.failure() !== undefined);
    if (failed) throw new Error(`client ${failed.index} could not connect: ${failed.failure()}`);
  }
  const connectMs = performance.now() - connectStart;
  const members = rooms.flat();
  const closesBefore = members.reduce((a, m) => a + m.closes(), 0);

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
        let expected = 0;
        const tick = () => {
          const now = performance.now();
          if (expected > 0) maxLag = Math.max(maxLag, now - expected);
          if (now >= stopAt || sent[global] >= maxEdits - 1) {
            if (--running === 0) resolve();
            return;
          }
          const s = ++sent[global];
          sendTimes[global * maxEdits + s] = performance.now();
          m.edit(markerOf(r, m.index, s));
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
  // A room has converged when its full client holds exactly every client's last value.
  const converged = (r: number) => {
    const map = checkers[r];
    let keys = 0;
    for (let i = 0; i < n; i++) {
      const last = sent[r * n + i];
      if (last === 0) continue;
      keys++;
      if (map.get(keyOf(i)) !== markerOf(r, i, last)) return false;
    }
    return map.size === keys;
  };
  const notConverged = () => {
    let c = 0;
    for (let r = 0; r < roomCount; r++) if (!converged(r)) c++;
    return c;
  };
  const drainStart = performance.now();
  try {
    await waitFor(() => deliveredNow() >= expectedDeliveries && notConverged() === 0, 'every edit delivered to every other client', job.drainTimeoutMs);
  } catch {
    // Reported as a share below 100% and as rooms that did not converge.
  }
  const drainMs = performance.now() - drainStart;
  recording = false;
  emit('drained');
  const cpuEnd = cpuSeconds(process.pid) ?? 0;
  const waitEnd = runQueueSeconds(process.pid) ?? 0;
  const delivered = deliveredNow();
  const closesDuringRun = members.reduce((a, m) => a + m.closes(), 0) - closesBefore;
  const roomsNotConverged = notConverged();
  const failures = members.map((m) => m.failure()).filter((f): f is string => f !== undefined);

  const perSecond = bySecond(latencies.subarray(0, recorded), sentAt.subarray(0, recorded), editStart);
  const warm = Float64Array.from(latencies.subarray(0, recorded).filter((_, x) => sentAt[x] - editStart >= 1000)).sort();
  const lat = latencies.subarray(0, recorded).sort();
  let sum = 0;
  for (let x = 0; x < lat.length; x++) sum += lat[x];
  const editsSent = sent.reduce((a, b) => a + b, 0);
  const result: RelayResult = {
    clients: total,
    rooms: roomCount,
    fullClients: fullPerRoom * roomCount,
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
    warmLatencyMs: { p50: percentileSorted(warm, 50), p99: percentileSorted(warm, 99) },
    sendRate: editsSent / total / ((editEnd - editStart) / 1000),
    connectMs,
    drainMs,
    closesDuringRun,
    roomsNotConverged,
    unexpectedMarkers,
    clientErrors: failures.length,
    firstClientError: failures[0],
    loadgenCpuPercent: ((cpuEnd - cpuStart) / ((performance.now() - editStart) / 1000)) * 100,
    loadgenRunQueuePercent: ((waitEnd - waitStart) / ((performance.now() - editStart) / 1000)) * 100,
    loadgenMaxLagMs: maxLag,
    perSecond,
  };
  for (const m of members) m.destroy();
  return result;
}

function bySecond(latencies: Float64Array, sentAt: Float64Array, start: number): NonNullable<RelayResult['perSecond']> {
  const buckets = new Map<number, number[]>();
  for (let x = 0; x < latencies.length; x++) {
    const second = Math.floor((sentAt[x] - start) / 1000);
    let b = buckets.get(second);
    if (!b) buckets.set(second, (b = []));
    b.push(latencies[x]);
  }
  return [...buckets]
    .sort((a, b) => a[0] - b[0])
    .map(([second, values]) => {
      const sorted = Float64Array.from(values).sort();
      const r = (v: number) => Math.round(v * 10) / 10;
      return { second, deliveries: sorted.length, p50: r(percentileSorted(sorted, 50)), p99: r(percentileSorted(sorted, 99)), max: r(sorted[sorted.length - 1]) };
    });
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

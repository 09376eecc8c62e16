import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import { encodeAwarenessEntries, encodeAwarenessFrame, encodeSyncStep1 } from '../../shared/protocol/frame';
import { median } from './stats';
import { startContender, type RunningServer } from './servers';

/** How quickly a revoked link loses its socket, and what a slow reader under a presence flood costs in memory. */
export interface RobustnessResult {
  /** From the revoke request to the holder's socket closing with 4401, per try. */
  revokeToCloseMs: number[];
  revokeToCloseMedianMs: number;
  revokeToCloseMaxMs: number;
  /** A client that stops reading while another sends 200 KiB presence updates: how big the server grew. */
  slowConsumer: { sentMiB: number; closeCode: number; baselineRssMiB: number; peakRssMiB: number };
}

function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function api(server: RunningServer, method: string, path: string, token: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${server.httpUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}`);
  return res.json();
}

async function revokeLatency(server: RunningServer, tries: number): Promise<number[]> {
  const res = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'intrekken' }) });
  const created = (await res.json()) as { room: string; tokens: { owner: string; view: string } };
  let view = created.tokens.view;
  const out: number[] = [];
  for (let i = 0; i < tries; i++) {
    const ws = await open(`ws://127.0.0.1:${server.port}/yjs/${created.room}?token=${view}`);
    // Synced first, as a participant's page would be: the answer to a sync step 1.
    const answered = new Promise<void>((resolve) => ws.once('message', () => resolve()));
    ws.send(encodeSyncStep1(new Uint8Array([0])));
    await answered;
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const started = performance.now();
    const fresh = (await api(server, 'POST', `/api/rooms/${created.room}/revoke`, created.tokens.owner, { link: 'view' })) as { token: string };
    const code = await closed;
    if (code !== 4401) throw new Error(`revoked socket closed with ${code}, expected 4401`);
    out.push(performance.now() - started);
    view = fresh.token;
  }
  return out;
}

async function slowConsumer(server: RunningServer): Promise<RobustnessResult['slowConsumer']> {
  const res = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'traag' }) });
  const created = (await res.json()) as { room: string; tokens: { edit: string } };
  const url = `ws://127.0.0.1:${server.port}/yjs/${created.room}?token=${created.tokens.edit}`;
  const slow = await open(url);
  const closed = new Promise<number>((resolve) => slow.once('close', (code) => resolve(code)));
  // Stops reading: the server's send buffer for it grows until MAX_BUFFERED_BYTES.
  (slow as unknown as { _socket: { pause(): void } })._socket.pause();
  const sender = await open(url);
  const baseline = memoryMiB(server.pid).rss;
  // Incompressible (the server compresses large frames): 200 KiB of base64.
  const big = randomBytes(150 * 1024).toString('base64');
  let sent = 0;
  let done = false;
  void closed.then(() => (done = true));
  // Bounded: MAX_BUFFERED_BYTES is 16 MiB by default; 400 frames is 80 MiB.
  for (let clock = 1; clock <= 400 && !done; clock++) {
    sender.send(encodeAwarenessFrame(encodeAwarenessEntries([{ clientID: 4242, clock, state: { user: { name: 'Vloed' }, pad: big } }])));
    sent += 200 * 1024;
    await new Promise((r) => setTimeout(r, 5));
  }
  (slow as unknown as { _socket: { resume(): void } })._socket.resume();
  const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 10_000))]);
  sender.close();
  return { sentMiB: sent / 1024 / 1024, closeCode: code, baselineRssMiB: baseline, peakRssMiB: memoryMiB(server.pid).peak };
}

export async function robustnessBench(tries = 20): Promise<RobustnessResult> {
  const server = await startContender('mantelkaart', { env: { AWARENESS_MAX_BYTES: String(1024 * 1024), AWARENESS_PER_SECOND_EDIT: '1000' } });
  try {
    const revokeToCloseMs = await revokeLatency(server, tries);
    const slow = await slowConsumer(server);
    return { revokeToCloseMs, revokeToCloseMedianMs: median(revokeToCloseMs), revokeToCloseMaxMs: Math.max(...revokeToCloseMs), slowConsumer: slow };
  } finally {
    await server.stop();
    server.removeData();
  }
}

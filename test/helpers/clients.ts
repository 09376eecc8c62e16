import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';

/** Waits until `condition` holds, checking often; fails with `what` after `timeoutMs`. Never a fixed sleep. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw, newest last. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** A stock y-websocket client in Node, as a browser would open it: /yjs/<room>?token=… */
export function openClient(wsUrl: string, room: string, token: string | undefined, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: token === undefined ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitSynced(client: TestClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => client.provider.synced, `client of ${client.provider.roomname} synced`, timeoutMs);
}

export async function openSynced(wsUrl: string, room: string, token: string, doc?: Y.Doc): Promise<TestClient> {
  const c = openClient(wsUrl, room, token, doc);
  await waitSynced(c);
  return c;
}

export interface RawSocket {
  ws: WebSocket;
  /** Every byte of every frame received, in order. */
  received: Buffer[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array): void;
  allBytes(): Buffer;
}

/** A bare socket that records everything it receives: for crafted frames and byte-level checks. */
export function openRaw(url: string, options: { perMessageDeflate?: boolean } = {}): RawSocket {
  const ws = new WebSocket(url, options);
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(Buffer.from(data)));
  ws.on('error', () => {});
  const opened = new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('unexpected-response', (_req, resp) => rej(new Error(`refused with ${resp.statusCode}`)));
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string }>((res) => ws.once('close', (code, reason) => res({ code, reason: reason.toString() })));
  return {
    ws,
    received,
    opened,
    closed,
    send: (frame) => ws.send(frame),
    allBytes: () => Buffer.concat(received),
  };
}

export interface UpgradeOutcome {
  status: number | null;
  opened: boolean;
  /** Bytes of the HTTP body plus every WebSocket frame received. */
  bytes: Buffer;
}

/** Tries to open a socket and reports how the server answered, with every byte that came back. */
export function tryUpgrade(url: string): Promise<UpgradeOutcome> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const chunks: Buffer[] = [];
    let opened = false;
    ws.on('error', () => {});
    ws.on('open', () => {
      opened = true;
      // Give the server a moment's worth of frames, then report: a refused socket never gets here.
      ws.on('message', (d: Buffer) => chunks.push(Buffer.from(d)));
      setTimeout(() => ws.close(), 300);
    });
    ws.on('close', () => resolve({ status: opened ? 101 : null, opened, bytes: Buffer.concat(chunks) }));
    ws.on('unexpected-response', (_req, res) => {
      res.on('data', (d: Buffer) => chunks.push(Buffer.from(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? null, opened: false, bytes: Buffer.concat(chunks) }));
    });
  });
}

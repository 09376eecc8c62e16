import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import type { RoomTarget } from './servers';

/** A provider of either kind behind one face, as the load generator and the seeding steps need it. */
export interface BenchClient {
  readonly doc: Y.Doc;
  isSynced(): boolean;
  /** Connection closes seen (a healthy run has none until destroy). */
  closes(): number;
  destroy(): void;
}

/** Opens a stock client for `target`: y-websocket's WebsocketProvider, or Hocuspocus's own provider. */
export function openBenchClient(target: RoomTarget, doc = new Y.Doc()): BenchClient {
  let closes = 0;
  if (target.protocol === 'hocuspocus') {
    // The provider hands WebSocketPolyfill on to the socket it creates; its config type does not list it.
    const config: HocuspocusProviderConfiguration & { WebSocketPolyfill: typeof WebSocket } = {
      url: target.url,
      name: target.room,
      document: doc,
      WebSocketPolyfill: WebSocket,
    };
    const provider = new HocuspocusProvider(config);
    provider.on('close', () => closes++);
    return {
      doc,
      isSynced: () => provider.isSynced,
      closes: () => closes,
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(target.url, target.room, doc, {
    params: target.token === undefined ? {} : { token: target.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  provider.on('connection-close', () => closes++);
  return {
    doc,
    isSynced: () => provider.synced,
    closes: () => closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `condition` holds, checking every 10 ms; fails naming `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

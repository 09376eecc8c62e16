import { afterEach, describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessEntries, encodeAwarenessFrame } from '../../shared/protocol/frame';
import { TestServer } from '../helpers/server';
import { openRaw, openSynced, waitFor, type TestClient } from '../helpers/clients';
import { awarenessFrame, docUrl } from './frames';

describe('presence', () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('round-trips awareness entries through encode and decode', () => {
    const entries = [
      { clientID: 7, clock: 3, state: { user: { name: 'Anna' } } },
      { clientID: 123456789, clock: 0, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessEntries(entries))).toEqual(entries);
  });

  it('lets nobody overwrite another person’s presence, while echoes of it are dropped quietly and the sender’s own entry still passes', async () => {
    const server = await TestServer.start();
    cleanup.push(() => server.removeData());
    cleanup.push(() => server.dispose());
    const room = await server.createRoom('Aanwezigheid');
    const observer: TestClient = await openSynced(server.wsUrl, room.room, room.tokens.view);
    cleanup.push(() => observer.destroy());

    const anna = openRaw(docUrl(server.wsUrl, room.room, room.tokens.edit));
    const mallory = openRaw(docUrl(server.wsUrl, room.room, room.tokens.edit));
    cleanup.push(() => anna.ws.terminate(), () => mallory.ws.terminate());
    await Promise.all([anna.opened, mallory.opened]);

    anna.send(awarenessFrame(1001, 1, { user: { name: 'Anna' } }));
    await waitFor(() => observer.provider.awareness.getStates().get(1001) !== undefined, 'the observer sees Anna');

    // One update that carries a forged, newer entry for Anna next to the sender's own entry, as an echo would.
    const mixed = encodeAwarenessEntries([
      { clientID: 1001, clock: 9, state: { user: { name: 'Nep-Anna' } } },
      { clientID: 2002, clock: 1, state: { user: { name: 'Mallory' } } },
    ]);
    mallory.send(encodeAwarenessFrame(mixed));
    await waitFor(() => observer.provider.awareness.getStates().get(2002) !== undefined, 'the observer sees the sender’s own entry');

    const annaState = observer.provider.awareness.getStates().get(1001) as { user: { name: string } };
    expect(annaState.user.name).toBe('Anna');
    expect(server.logLines('WS_AWARENESS_FOREIGN')).toHaveLength(0);
    expect(mallory.ws.readyState).toBe(mallory.ws.OPEN);
  });
});

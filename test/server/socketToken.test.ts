import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { tokenProtocols } from '../../shared/protocol/socketToken';
import { TestServer, type CreatedRoom } from '../helpers/server';

/** Opens a socket with the token in Sec-WebSocket-Protocol (as our client does); resolves with what happened. */
function openWithProtocols(url: string, protocols: string[]): Promise<{ opened: boolean; status?: number; protocol?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, protocols);
    ws.on('error', () => {});
    ws.once('open', () => {
      const protocol = ws.protocol;
      ws.close();
      resolve({ opened: true, protocol });
    });
    ws.once('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode }));
  });
}

describe('the token in the subprotocol header', () => {
  let server: TestServer;
  let room: CreatedRoom;

  beforeAll(async () => {
    server = await TestServer.start();
    room = await server.createRoom('Zonder token in de URL');
  });
  afterAll(async () => {
    await server?.dispose();
    server?.removeData();
  });

  it('admits a socket whose token is in Sec-WebSocket-Protocol and never echoes the token back', async () => {
    const r = await openWithProtocols(`${server.wsUrl}/${room.room}`, tokenProtocols(room.tokens.edit));
    expect(r).toEqual({ opened: true, protocol: 'mantelkaart' });
    expect(server.log).not.toContain(room.tokens.edit);
  });

  it('checks a header token like a query token, and refuses two tokens at once', async () => {
    expect(await openWithProtocols(`${server.wsUrl}/${room.room}`, tokenProtocols(room.tokens.edit.slice(0, -4) + 'AAAA'))).toMatchObject({ opened: false, status: 401 });
    expect(await openWithProtocols(`${server.wsUrl}/${room.room}.private`, tokenProtocols(room.tokens.view))).toMatchObject({ opened: false, status: 403 });
    const both = await openWithProtocols(`${server.wsUrl}/${room.room}?token=${room.tokens.view}`, tokenProtocols(room.tokens.edit));
    expect(both).toMatchObject({ opened: false, status: 400 });
  });
});

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DocStore } from './storage/DocStore';
import type { TokenSigner } from './auth';
import { RoomsFullError, type Rooms } from './rooms';
import type { Room } from './room';
import type { Limits } from './config';
import { authorize } from './access';
import { clientAddress } from './clientAddress';
import { SOCKET_PROTOCOL, tokensFromProtocols } from '../shared/protocol/socketToken';
import { RelayUnavailableError } from './cluster/DocRelay';
import { parseDocName } from '../shared/model/roomName';
import { Connection } from './connection';
import { log } from './log';

export const SOCKET_PATH_PREFIX = '/yjs/';

export interface UpgradeDeps {
  store: DocStore;
  signer: TokenSigner;
  rooms: Rooms;
  limits: Limits;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY), for MAX_CONNECTIONS_PER_IP. */
  trustProxy: number;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 414: 'URI Too Long', 429: 'Too Many Requests', 503: 'Service Unavailable' };

// Refused before the WebSocket exists: the client gets a plain HTTP answer and not one byte of any document.
function refuse(socket: Duplex, status: number, reason: string): void {
  const body = reason + '\n';
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\n\r\n${body}`,
  );
}

/**
 * Accepts y-websocket connections at /yjs/<room>[.private], the token in Sec-WebSocket-Protocol (our client) or in
 * `?token=` (stock clients); every socket is checked before it opens.
 */
export class SocketGate {
  readonly wss: WebSocketServer;
  private readonly alive = new WeakSet<WebSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private stopping = false;
  /** Open sockets per document name and per client address, for MAX_CONNECTIONS_PER_ROOM and _PER_IP. */
  private readonly perDoc = new Map<string, number>();
  private readonly perIp = new Map<string, number>();

  constructor(private readonly deps: UpgradeDeps) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.limits.maxFrameBytes,
      // A map's first sync is one frame of the whole document; Yjs updates compress about seven to one (2,000 cards:
      // 534 kB as 80 kB), which on a phone's 3G is seconds. Only what a socket gets once is compressed (see
      // Connection.send): relayed edits and presence go as they are, with no CPU spent per socket. No context is kept
      // between messages, and the server's window is small, so an open socket holds little zlib memory (maxPayload
      // still bounds what an inflated frame may grow to).
      perMessageDeflate: {
        threshold: 1024,
        serverNoContextTakeover: true,
        clientNoContextTakeover: true,
        serverMaxWindowBits: 11,
        zlibDeflateOptions: { memLevel: 4 },
      },
      // Only ever `mantelkaart`: the token the client offered beside it is never sent back.
      handleProtocols: (offered) => (offered.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
    });
    // Sockets whose peer vanished (laptop lid closed) are found by ping and dropped so their presence goes away.
    this.heartbeat = setInterval(() => {
      for (const ws of this.wss.clients) {
        if (!this.alive.has(ws)) {
          ws.terminate();
          continue;
        }
        this.alive.delete(ws);
        ws.ping();
      }
    }, 30_000);
    this.heartbeat.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    void this.decide(req, socket, head).catch((err: unknown) => {
      log('WS_UPGRADE_FAILED', { error: err instanceof Error ? err.message : String(err) });
      refuse(socket, 503, 'server error');
    });
  }

  private async decide(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const rawUrl = req.url ?? '/';
    if (this.stopping) return refuse(socket, 503, 'server is stopping');
    if (rawUrl.length > this.deps.limits.maxUrlBytes) {
      log('WS_REFUSED', { status: 414, code: 'URL_TOO_LONG' });
      return refuse(socket, 414, 'request URL too long');
    }
    const url = new URL(rawUrl, 'http://localhost');
    if (!url.pathname.startsWith(SOCKET_PATH_PREFIX)) return refuse(socket, 404, 'not found');
    const docName = url.pathname.slice(SOCKET_PATH_PREFIX.length);
    const parsed = parseDocName(docName);
    if (!parsed) {
      log('WS_REFUSED', { status: 400, code: 'ROOM_NAME_INVALID' });
      return refuse(socket, 400, 'invalid map name: use 1 to 64 letters, digits, - or _');
    }
    // Our client sends the token in Sec-WebSocket-Protocol (kept out of proxy logs); stock clients in the query.
    const tokens = [...url.searchParams.getAll('token'), ...tokensFromProtocols(req.headers['sec-websocket-protocol'])];
    if (tokens.length > 1) return refuse(socket, 400, 'more than one token');
    const access = await authorize(this.deps.signer, this.deps.store, parsed.room, tokens[0] ?? null, { isPrivate: parsed.isPrivate });
    if (!access.ok) {
      log('WS_REFUSED', { doc: docName, status: access.status, code: access.code });
      return refuse(socket, access.status, access.reason);
    }
    const ip = clientAddress(req, this.deps.trustProxy);
    if (!this.underLimits(socket, docName, ip)) return;
    let room: Room;
    try {
      // Loaded (or found) before the socket opens, so a full server answers 503 instead of opening and closing.
      room = await this.deps.rooms.acquire(docName);
    } catch (err) {
      if (!(err instanceof RoomsFullError)) throw err;
      log('WS_REFUSED', { doc: docName, status: 503, code: err.code });
      return refuse(socket, 503, 'the server has too many maps open; try again in a minute');
    }
    try {
      try {
        await room.ready;
      } catch (err) {
        // Without the bus to the other instances the document cannot be served: answered before the socket opens,
        // and the client tries again. Other load failures are told on the open socket (Connection.start).
        if (err instanceof RelayUnavailableError) {
          log('WS_REFUSED', { doc: docName, status: 503, code: err.code });
          return refuse(socket, 503, 'the server cannot reach its other instances right now; your changes stay with you, try again shortly');
        }
      }
      if (this.stopping || socket.destroyed) return refuse(socket, 503, 'server is stopping');
      // Checked again: other sockets may have opened while the document loaded.
      if (!this.underLimits(socket, docName, ip)) return;
      // Synchronous when there is no verifyClient: the socket is counted and in the room before the lease goes.
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.count(docName, ip, ws);
        this.alive.add(ws);
        ws.on('pong', () => this.alive.add(ws));
        const limits = this.deps.limits;
        const connection = new Connection(ws, docName, access.role, access.generation, {
          awarenessMaxBytes: limits.awarenessMaxBytes,
          awarenessPerSecond: access.role === 'view' ? limits.awarenessPerSecondView : limits.awarenessPerSecondEdit,
          maxBufferedBytes: limits.maxBufferedBytes,
        });
        void connection.start(this.deps.rooms, room);
      });
    } finally {
      this.deps.rooms.release(room);
    }
  }

  /** Refuses (and returns false) when the document or the address already has its maximum of open sockets. */
  private underLimits(socket: Duplex, docName: string, ip: string): boolean {
    const { maxConnectionsPerRoom, maxConnectionsPerIp } = this.deps.limits;
    if ((this.perIp.get(ip) ?? 0) >= maxConnectionsPerIp) {
      log('WS_REFUSED', { doc: docName, status: 429, code: 'CONNECTIONS_PER_IP', limit: maxConnectionsPerIp });
      refuse(socket, 429, `too many open connections from your address (at most ${maxConnectionsPerIp}); close some tabs and try again`);
      return false;
    }
    if ((this.perDoc.get(docName) ?? 0) >= maxConnectionsPerRoom) {
      log('WS_REFUSED', { doc: docName, status: 503, code: 'CONNECTIONS_PER_ROOM', limit: maxConnectionsPerRoom });
      refuse(socket, 503, `this map has the maximum of ${maxConnectionsPerRoom} connections; try again later`);
      return false;
    }
    return true;
  }

  private count(docName: string, ip: string, ws: WebSocket): void {
    const bump = (map: Map<string, number>, key: string, by: number) => {
      const n = (map.get(key) ?? 0) + by;
      if (n > 0) map.set(key, n);
      else map.delete(key);
    };
    bump(this.perDoc, docName, 1);
    bump(this.perIp, ip, 1);
    ws.once('close', () => {
      bump(this.perDoc, docName, -1);
      bump(this.perIp, ip, -1);
    });
  }

  /** Stops accepting sockets and closes the open ones. */
  closeAll(code: number, reason: string): void {
    this.stopping = true;
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.close(code, reason);
  }
}

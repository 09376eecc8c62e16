import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DocStore } from './storage/DocStore';
import type { TokenSigner } from './auth';
import type { Rooms } from './rooms';
import type { Limits } from './config';
import { authorize } from './access';
import { parseDocName } from '../shared/model/roomName';
import { Connection } from './connection';
import { log } from './log';

export const SOCKET_PATH_PREFIX = '/yjs/';

export interface UpgradeDeps {
  store: DocStore;
  signer: TokenSigner;
  rooms: Rooms;
  limits: Limits;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 414: 'URI Too Long', 503: 'Service Unavailable' };

// Refused before the WebSocket exists: the client gets a plain HTTP answer and not one byte of any document.
function refuse(socket: Duplex, status: number, reason: string): void {
  const body = reason + '\n';
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\n\r\n${body}`,
  );
}

/** Accepts y-websocket connections at /yjs/<room>[.private]?token=…; every socket is checked before it opens. */
export class SocketGate {
  readonly wss: WebSocketServer;
  private readonly alive = new WeakSet<WebSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly deps: UpgradeDeps) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxFrameBytes, perMessageDeflate: false });
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
    if (url.searchParams.getAll('token').length > 1) return refuse(socket, 400, 'more than one token');
    const access = await authorize(this.deps.signer, this.deps.store, parsed.room, url.searchParams.get('token'), { isPrivate: parsed.isPrivate });
    if (!access.ok) {
      log('WS_REFUSED', { doc: docName, status: access.status, code: access.code });
      return refuse(socket, access.status, access.reason);
    }
    if (this.stopping || socket.destroyed) return refuse(socket, 503, 'server is stopping');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.alive.add(ws);
      ws.on('pong', () => this.alive.add(ws));
      const connection = new Connection(ws, docName, access.role, access.generation, {
        awarenessMaxBytes: this.deps.limits.awarenessMaxBytes,
        awarenessPerSecond: access.role === 'view' ? this.deps.limits.awarenessPerSecondView : this.deps.limits.awarenessPerSecondEdit,
      });
      void connection.attach(this.deps.rooms);
    });
  }

  /** Stops accepting sockets and closes the open ones. */
  closeAll(code: number, reason: string): void {
    this.stopping = true;
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.close(code, reason);
  }
}

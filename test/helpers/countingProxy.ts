import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  /** http://127.0.0.1:<port>: the server, as the browser sees it. */
  url: string;
  /** Bytes the server sent through the proxy so far: HTTP and WebSocket exactly as on the wire, compressed or not. */
  bytesDown(): number;
  close(): Promise<void>;
}

/** A slow link between browser and server: bandwidth each way and the delay of one way (half the round trip). */
export interface LinkShape {
  downBytesPerSecond: number;
  upBytesPerSecond: number;
  oneWayDelayMs: number;
}

/**
 * One direction of a shaped link, shared by every connection (one phone, one mobile link): a chunk waits for the
 * link to be free, takes its size over the bandwidth to send, then arrives one delay later. Arrival times only grow,
 * so bytes arrive in the order they were sent.
 */
function shapedDirection(bytesPerSecond: number, delayMs: number): (chunk: Buffer, deliver: () => void) => void {
  let busyUntil = 0;
  return (chunk, deliver) => {
    const now = performance.now();
    busyUntil = Math.max(now, busyUntil) + (chunk.length / bytesPerSecond) * 1000;
    setTimeout(deliver, busyUntil + delayMs - now);
  };
}

/**
 * A TCP proxy in front of the server that counts what goes to the browser (used by tests and by the phone bench), and
 * can shape the link like a mobile network. The browser's own network events report WebSocket frames decompressed, and
 * its network emulation throttles them by that size, so with permessage-deflate only the wire says what a phone
 * downloads and how long that takes.
 */
export async function startCountingProxy(targetPort: number, shape?: LinkShape): Promise<CountingProxy> {
  let down = 0;
  const open = new Set<Socket>();
  const downLink = shape ? shapedDirection(shape.downBytesPerSecond, shape.oneWayDelayMs) : null;
  const upLink = shape ? shapedDirection(shape.upBytesPerSecond, shape.oneWayDelayMs) : null;
  const forward = (from: Socket, to: Socket, link: typeof downLink, count: boolean) => {
    from.on('data', (chunk: Buffer) => {
      if (count) down += chunk.length;
      if (!link) to.write(chunk);
      else link(chunk, () => !to.destroyed && to.write(chunk));
    });
    // An end is passed on after whatever is still on its way.
    from.on('end', () => (link ? link(Buffer.alloc(0), () => to.end()) : to.end()));
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    // A side that closes takes the other with it, after the bytes still on their way to it.
    const closeWith = (closed: Socket, other: Socket, link: typeof downLink) => {
      const done = () => {
        other.destroy();
        open.delete(closed);
        open.delete(other);
      };
      closed.on('error', () => {}).on('close', () => (link ? link(Buffer.alloc(0), done) : done()));
    };
    closeWith(upstream, client, downLink);
    closeWith(client, upstream, upLink);
    forward(upstream, client, downLink, true);
    forward(client, upstream, upLink, false);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesDown: () => down,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

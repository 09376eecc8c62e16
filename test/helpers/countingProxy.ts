import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  /** http://127.0.0.1:<port>: the server, as the browser sees it. */
  url: string;
  /** Bytes the server sent through the proxy so far: HTTP and WebSocket exactly as on the wire, compressed or not. */
  bytesDown(): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the server that counts what goes to the browser (used by tests and by the phone bench). The browser's own network events report
 * WebSocket frames decompressed, so with permessage-deflate only the wire says what a phone really downloads.
 */
export async function startCountingProxy(targetPort: number): Promise<CountingProxy> {
  let down = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    upstream.on('data', (chunk: Buffer) => (down += chunk.length));
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
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

// @hocuspocus/server with no extensions (documents in memory), as the peer for the relay benchmark.
// Run as its own process so its CPU and RSS are measured alone; prints the port it listens on.
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
});

await server.listen();
const address = server.httpServer.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(`HOCUSPOCUS_LISTENING port=${port}`);

const stop = () => {
  void server.destroy().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// @hocuspocus/server as the peer for the relay benchmarks: documents in memory, and with REDIS_URL its Redis
// extension (3.x, the version that runs on Node 20), so several instances share documents the way Hocuspocus
// does it: pub/sub between instances, no storage before relaying.
// Run as its own process so its CPU and RSS are measured alone; prints the port it listens on.
import { Server, type Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';

const extensions: Extension[] = [];
if (process.env.REDIS_URL) {
  const url = new URL(process.env.REDIS_URL);
  extensions.push(new Redis({ host: url.hostname, port: Number(url.port || 6379) }));
}

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions,
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

import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config';
import { resolveSecret } from './secret';
import { openStore } from './storage/openStore';
import { TokenSigner } from './auth';
import { Rooms } from './rooms';
import { AutoVersions } from './versions/AutoVersions';
import { VersionStore } from './versions/VersionStore';
import { BallotBox } from './participation/BallotBox';
import { SuggestionService } from './participation/SuggestionService';
import { VoteService } from './participation/VoteService';
import { SocketGate } from './upgrade';
import { createHttpServer } from './http';
import { RateLimiter } from './rateLimit';
import { CLOSE_GOING_AWAY } from './connection';
import { checkStore } from './storeCheck';
import { PgDocStore } from './storage/PgDocStore';
import { RedisRelay } from './cluster/RedisRelay';
import { applyClusterEvent } from './cluster/clusterEvents';
import { CLOSE_RELAY_UNAVAILABLE } from './room';
import { startAdminSocket, stopAdminSocket } from './admin';
import { errorText, log, logError } from './log';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

async function main(config: Config): Promise<void> {
  const secret = resolveSecret(config.dataDir, config.secret);
  const store = await openStore(config.storage, join(config.dataDir, 'db'), { sync: config.storageSync, writeAheadLog: config.storageWal, databaseUrl: config.databaseUrl });
  const relay = config.redisUrl && store instanceof PgDocStore ? await RedisRelay.connect(config.redisUrl, store, { streamMaxLen: 1000, checkIntervalMs: 2_000 }) : undefined;
  if (config.checkStoreOnStart) await checkStore(store);
  const admin = config.storage === 'leveldb' ? await startAdminSocket({ dataDir: config.dataDir, secret, store }) : undefined;
  const versions = new VersionStore(store, config.versions.maxPerMap);
  const autoVersions = new AutoVersions(versions, {
    afterSessionMs: config.versions.afterSessionMinutes * 60_000,
    dailyMs: config.versions.dailyHours * 3_600_000,
  });
  const rooms = new Rooms(store, {
    compactAfterUpdates: config.limits.compactAfterUpdates,
    roomIdleSeconds: config.limits.roomIdleSeconds,
    maxDocBytes: config.limits.maxDocBytes,
    maxLoadedRooms: config.limits.maxLoadedRooms,
    testLoadDelayMs: config.testLoadDelayMs,
    relay,
    mapEvents: {
      watch: (room) => {
        autoVersions.watch(room);
        votes.watch(room);
      },
      lastLeft: (room) => autoVersions.lastLeft(room),
    },
  });
  const votes = new VoteService(rooms, new BallotBox(store));
  const suggestions = new SuggestionService(rooms, {
    perSender: new RateLimiter(5, 60_000),
    perAddress: new RateLimiter(60, 60_000),
  });
  const signer = new TokenSigner(secret);
  const gate = new SocketGate({ store, signer, rooms, limits: config.limits, trustProxy: config.trustProxy });
  if (relay) {
    relay.onEvent = (event) => applyClusterEvent(rooms, event);
    relay.onLost = () => void rooms.dropAll(CLOSE_RELAY_UNAVAILABLE, 'relay unavailable');
  }
  let port = config.port;
  const server = createHttpServer({
    api: {
      config,
      store,
      rooms,
      versions,
      signer,
      createLimiter: new RateLimiter(config.limits.createPerWindow, config.limits.createWindowSeconds * 1000),
      participation: { votes, suggestions, secret, ballotLimiter: new RateLimiter(60, 60_000) },
      port: () => port,
      cluster: relay,
    },
    gate,
    clientDir: config.clientDir ?? join(repoRoot, 'dist/client'),
    maxUrlBytes: config.limits.maxUrlBytes,
  });

  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(config.port, config.host, () => res());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // Tests read the port from this line (PORT=0 picks a free one).
  log('SERVER_LISTENING', {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    storage: config.storage,
    data: config.storage === 'postgres' ? undefined : config.dataDir,
    instance: relay?.instanceId,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const stopStarted = Date.now();
    log('SERVER_STOPPING', { signal });
    // Hard stop if flushing hangs: better a quick exit than a process that never ends.
    setTimeout(() => {
      logError('SERVER_STOP_TIMEOUT');
      process.exit(1);
    }, 10_000).unref();
    server.close();
    votes.dispose();
    stopAdminSocket(admin, config.dataDir);
    gate.closeAll(CLOSE_GOING_AWAY, 'server stopping');
    server.closeAllConnections();
    try {
      await rooms.closeAll();
      await relay?.close();
      const roomsClosedMs = Date.now() - stopStarted;
      await store.close();
      log('SERVER_STOPPED', { ms: Date.now() - stopStarted, roomsClosedMs });
      process.exit(0);
    } catch (err) {
      logError('SERVER_STOP_FAILED', { error: errorText(err) });
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  process.stderr.write((err instanceof ConfigError ? err.message : errorText(err)) + '\n');
  process.exit(2);
}
main(config).catch((err: unknown) => {
  logError('SERVER_START_FAILED', { error: errorText(err) });
  process.exit(1);
});

import { resolve } from 'node:path';

/**
 * Every server setting, read once from the environment at start. An invalid value stops the server with a
 * message that names the variable and what it accepts, instead of running with a surprise.
 */
export type StorageKind = 'leveldb' | 'memory' | 'postgres';

export interface Limits {
  /** Largest WebSocket frame (ws maxPayload); bigger frames close the socket with 1009. */
  maxFrameBytes: number;
  /** Largest JSON body on the API (413 above it). */
  maxBodyBytes: number;
  /** Longest request URL, query string included (414 above it). */
  maxUrlBytes: number;
  /** Largest awareness (presence) update one socket may send. */
  awarenessMaxBytes: number;
  /** Awareness updates per second a view socket may send; more are dropped. */
  awarenessPerSecondView: number;
  /** Awareness updates per second an edit or owner socket may send (cursors move often). */
  awarenessPerSecondEdit: number;
  /** Room creations per IP per window. */
  createPerWindow: number;
  createWindowSeconds: number;
  /** Update records after which a document's log is compacted into one state. */
  compactAfterUpdates: number;
  /** A room with no sockets is flushed and unloaded after this many seconds. */
  roomIdleSeconds: number;
  /** Largest stored size of one document; updates that would pass it are refused (close 4413). */
  maxDocBytes: number;
  /** Open sockets per document (a map and its private part count separately); more are refused with 503. */
  maxConnectionsPerRoom: number;
  /** Open sockets per client IP address; more are refused with 429. */
  maxConnectionsPerIp: number;
  /** Documents held in memory at once; idle ones are unloaded (least recently used first) to make room. */
  maxLoadedRooms: number;
  /** A socket whose unsent output passes this many bytes is closed (1013) instead of growing server memory. */
  maxBufferedBytes: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The built client to serve (CLIENT_DIR); dist/client when absent. */
  clientDir: string | undefined;
  /** From SECRET; when absent a secret is generated into DATA_DIR/secret on first start. */
  secret: string | undefined;
  createToken: string | undefined;
  /** Base for share links; when absent it is derived from the request's Host header. */
  publicUrl: string | undefined;
  storage: StorageKind;
  /** PostgreSQL connection URL (DATABASE_URL); required with STORAGE=postgres. */
  databaseUrl: string | undefined;
  /** Redis connection URL (REDIS_URL): joins several instances on one PostgreSQL database. */
  redisUrl: string | undefined;
  /**
   * Hops of reverse proxies whose X-Forwarded-For is trusted for per-address limits (TRUST_PROXY). 0: the socket's
   * own address counts, and the header is ignored (a client could write anything in it).
   */
  trustProxy: number;
  /** fsync every storage batch: edits then survive a power cut too, at the cost of one disk flush per batch. */
  storageSync: boolean;
  /**
   * Appends go to a write-ahead log with one synchronous write before they are relayed, and to LevelDB in the
   * background (LevelDB's own writes wait for a thread-pool thread). Off: every append waits for LevelDB's write.
   */
  storageWal: boolean;
  limits: Limits;
  versions: {
    /** Versions kept per map; automatic ones are pruned oldest first to stay under it, named ones never. */
    maxPerMap: number;
    /** Least minutes between two automatic versions made when the last person leaves a changed map. */
    afterSessionMinutes: number;
    /** Hours after which a map being edited gets an automatic version. */
    dailyHours: number;
  };
  /** Read every stored record once at start-up and log what is damaged (STORE_CHECKED). */
  checkStoreOnStart: boolean;
  /** Test aid only: delays every document load so tests can prove that nobody syncs before it completes. */
  testLoadDelayMs: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`CONFIG_INVALID ${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function present(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number between ${min} and ${max}, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `expected a whole number between ${min} and ${max}, got ${n}`);
  return n;
}

function publicUrl(env: Env): string | undefined {
  const raw = present(env, 'PUBLIC_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', `expected an absolute http(s) URL such as https://kaart.example.nl, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('PUBLIC_URL', 'expected an http:// or https:// URL');
  if (url.search || url.hash) throw new ConfigError('PUBLIC_URL', 'expected a URL without query or fragment');
  return url.href.replace(/\/+$/, '');
}

function connectionUrl(env: Env, name: string, protocols: string[], example: string): string | undefined {
  const raw = present(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `expected a URL such as ${example}`);
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(name, `expected a ${protocols.map((p) => p + '//').join(' or ')} URL such as ${example}`);
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const host = present(env, 'HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) throw new ConfigError('HOST', `expected an address such as 127.0.0.1 or 0.0.0.0, got "${host}"`);
  const secret = present(env, 'SECRET');
  if (secret !== undefined && secret.length < 32) throw new ConfigError('SECRET', 'expected at least 32 characters (for example `openssl rand -hex 32`)');
  const createToken = present(env, 'CREATE_TOKEN');
  if (createToken !== undefined && createToken.length < 8) throw new ConfigError('CREATE_TOKEN', 'expected at least 8 characters');
  const storage = present(env, 'STORAGE') ?? 'leveldb';
  if (storage !== 'leveldb' && storage !== 'memory' && storage !== 'postgres') throw new ConfigError('STORAGE', `expected "leveldb", "postgres" or "memory", got "${storage}"`);
  const databaseUrl = connectionUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://mantelkaart@db.example.nl/mantelkaart');
  if (storage === 'postgres' && databaseUrl === undefined) throw new ConfigError('DATABASE_URL', 'STORAGE=postgres needs DATABASE_URL, for example postgres://mantelkaart:…@db.example.nl:5432/mantelkaart');
  const redisUrl = connectionUrl(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://redis.example.nl:6379');
  // Instances share documents through the database; with LevelDB each would have its own copy of every map.
  if (redisUrl !== undefined && storage !== 'postgres') throw new ConfigError('REDIS_URL', 'several instances need shared storage: set STORAGE=postgres and DATABASE_URL as well');
  // Each instance would otherwise generate its own DATA_DIR/secret, and a link made on one would fail on the others.
  if (redisUrl !== undefined && secret === undefined) throw new ConfigError('SECRET', 'several instances must sign links with one key: set the same SECRET on every instance (openssl rand -hex 32)');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir: resolve(present(env, 'DATA_DIR') ?? './data'),
    clientDir: present(env, 'CLIENT_DIR') === undefined ? undefined : resolve(present(env, 'CLIENT_DIR') ?? ''),
    secret,
    createToken,
    publicUrl: publicUrl(env),
    storage,
    databaseUrl,
    redisUrl,
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    storageSync: integer(env, 'STORAGE_SYNC', 0, 0, 1) === 1,
    storageWal: integer(env, 'STORAGE_WAL', 1, 0, 1) === 1,
    limits: {
      maxFrameBytes: integer(env, 'MAX_FRAME_BYTES', 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 64 * 1024, 256, 16 * 1024 * 1024),
      maxUrlBytes: integer(env, 'MAX_URL_BYTES', 4096, 256, 65536),
      awarenessMaxBytes: integer(env, 'AWARENESS_MAX_BYTES', 32 * 1024, 256, 1024 * 1024),
      awarenessPerSecondView: integer(env, 'AWARENESS_PER_SECOND_VIEW', 20, 1, 1000),
      awarenessPerSecondEdit: integer(env, 'AWARENESS_PER_SECOND_EDIT', 60, 1, 1000),
      createPerWindow: integer(env, 'CREATE_LIMIT', 30, 1, 1_000_000),
      createWindowSeconds: integer(env, 'CREATE_LIMIT_WINDOW_SECONDS', 600, 1, 86_400),
      compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 10, 1_000_000),
      roomIdleSeconds: integer(env, 'ROOM_IDLE_SECONDS', 30, 0, 86_400),
      maxDocBytes: integer(env, 'MAX_DOC_BYTES', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
      maxConnectionsPerRoom: integer(env, 'MAX_CONNECTIONS_PER_ROOM', 250, 1, 100_000),
      maxConnectionsPerIp: integer(env, 'MAX_CONNECTIONS_PER_IP', 200, 1, 100_000),
      maxLoadedRooms: integer(env, 'MAX_LOADED_ROOMS', 1000, 2, 1_000_000),
      maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    },
    versions: {
      maxPerMap: integer(env, 'VERSIONS_MAX', 200, 5, 100_000),
      afterSessionMinutes: integer(env, 'VERSION_AFTER_SESSION_MINUTES', 60, 0, 10_080),
      dailyHours: integer(env, 'VERSION_DAILY_HOURS', 24, 1, 8_760),
    },
    checkStoreOnStart: integer(env, 'CHECK_STORE_ON_START', 1, 0, 1) === 1,
    testLoadDelayMs: integer(env, 'TEST_LOAD_DELAY_MS', 0, 0, 60_000),
  };
}

import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { TestServer } from './server';
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from './clusterServices';

/**
 * Several server instances on one throwaway PostgreSQL and one Redis, as the README's deployment section runs
 * them, plus a plain TCP balancer in front (round robin, no sticky sessions) for clients that must find another
 * instance when theirs dies.
 */
export class TestCluster {
  private constructor(
    readonly pg: TestPostgres,
    readonly redis: TestRedis,
    readonly instances: TestServer[],
    readonly balancer: TestBalancer,
    private readonly env: Record<string, string>,
  ) {}

  static async start(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
    const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const shared = { STORAGE: 'postgres', DATABASE_URL: pg.url, REDIS_URL: redis.url, SECRET: randomBytes(32).toString('hex'), ...env };
    // One at a time: the first creates the tables, the others find them (the schema lock makes either order safe).
    const instances: TestServer[] = [];
    for (let i = 0; i < count; i++) instances.push(await TestServer.start({ env: shared }));
    const balancer = await TestBalancer.start(instances.map((s) => s.port));
    return new TestCluster(pg, redis, instances, balancer, shared);
  }

  /** A new instance joining the same database and Redis (on a new port). */
  async addInstance(): Promise<TestServer> {
    const s = await TestServer.start({ env: this.env });
    this.instances.push(s);
    this.balancer.ports.push(s.port);
    return s;
  }

  async dispose(): Promise<void> {
    await this.balancer.close();
    await Promise.all(this.instances.map((s) => s.dispose()));
    for (const s of this.instances) s.removeData();
    await this.redis.stop();
    await this.pg.stop();
  }
}

/** Round-robin TCP forwarding; a backend that refuses the connection is skipped for the next one. */
export class TestBalancer {
  private next = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number, readonly ports: number[]) {}

  static async start(ports: number[]): Promise<TestBalancer> {
    let self: TestBalancer | undefined;
    const server = createServer((client) => self?.forward(client, 0));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new TestBalancer(server, (server.address() as { port: number }).port, [...ports]);
    return self;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/yjs`;
  }

  private forward(client: Socket, tries: number): void {
    if (tries >= this.ports.length) {
      client.destroy();
      return;
    }
    const port = this.ports[this.next++ % this.ports.length];
    const upstream = createConnection({ host: '127.0.0.1', port });
    client.pause();
    upstream.once('connect', () => {
      this.sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      client.resume();
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('close', drop).on('error', drop);
      upstream.on('close', drop).on('error', drop);
    });
    upstream.once('error', () => {
      if (!this.sockets.has(upstream)) this.forward(client, tries + 1);
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Runs `work` while every instance on the same storage waits for the same key (see DocStore.lock). */
export type CrossInstanceLock = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/**
 * Runs work one after another per key (a map, a vote): a read-modify-write on one key never interleaves with
 * another, while different keys run side by side. A failed step does not stop the ones queued after it.
 */
export class KeyedSerial {
  private readonly chains = new Map<string, Promise<unknown>>();

  /**
   * `lock`: the storage's lock across instances (DocStore.lock), so the queue holds for every instance; its keys
   * are prefixed with `namespace`, so two services queueing on the same map never wait for each other.
   */
  constructor(private readonly lock?: CrossInstanceLock, private readonly namespace = '') {}

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lock = this.lock;
    const step = lock ? () => lock(`${this.namespace}:${key}`, work) : work;
    const prev = this.chains.get(key) ?? Promise.resolve();
    const next = prev.then(step, step);
    const tail = next.catch(() => {});
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return next;
  }
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('server settings', () => {
  it('has defaults for everything', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', storage: 'leveldb', secret: undefined, createToken: undefined, publicUrl: undefined });
    expect(c.limits.maxFrameBytes).toBe(4 * 1024 * 1024);
    expect(c.storageSync).toBe(false);
  });

  it('turns on a disk flush per storage batch with STORAGE_SYNC=1', () => {
    expect(loadConfig({ STORAGE_SYNC: '1' }).storageSync).toBe(true);
  });

  it('names the variable and what it accepts when a value is invalid', () => {
    for (const [name, value] of [['PORT', 'abc'], ['PORT', '70000'], ['MAX_FRAME_BYTES', '-1'], ['SECRET', 'short'], ['PUBLIC_URL', 'ftp://x'], ['STORAGE', 'mongo'], ['STORAGE_SYNC', 'yes']]) {
      let error: unknown;
      try {
        loadConfig({ [name]: value });
      } catch (e) {
        error = e;
      }
      expect(error, `${name}=${value}`).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain(name);
    }
  });

  it('drops a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://kaart.example.nl/' }).publicUrl).toBe('https://kaart.example.nl');
  });

  it('asks for what a cluster needs, naming the variable, and never repeats a password', () => {
    const secret = 'x'.repeat(32);
    const cases: [Record<string, string>, string][] = [
      [{ STORAGE: 'postgres' }, 'DATABASE_URL'],
      [{ STORAGE: 'postgres', DATABASE_URL: 'mysql://u:geheim@db/x' }, 'DATABASE_URL'],
      [{ REDIS_URL: 'redis://r:6379', SECRET: secret }, 'REDIS_URL'],
      [{ STORAGE: 'postgres', DATABASE_URL: 'postgres://u:geheim@db/x', REDIS_URL: 'redis://r:6379' }, 'SECRET'],
      [{ STORAGE: 'postgres', DATABASE_URL: 'postgres://u:geheim@db/x', REDIS_URL: 'http://r', SECRET: secret }, 'REDIS_URL'],
      [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    ];
    for (const [env, variable] of cases) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).not.toContain('geheim');
    }
    const ok = loadConfig({ STORAGE: 'postgres', DATABASE_URL: 'postgres://u:geheim@db/x', REDIS_URL: 'redis://r:6379', SECRET: secret, TRUST_PROXY: '1' });
    expect(ok).toMatchObject({ storage: 'postgres', databaseUrl: 'postgres://u:geheim@db/x', redisUrl: 'redis://r:6379', trustProxy: 1 });
  });
});

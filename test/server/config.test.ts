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
});

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './log';

/**
 * The HMAC key for share-link tokens: SECRET when set, else a key generated on first start and kept in
 * DATA_DIR/secret (mode 0600), so links keep working across restarts without anyone configuring anything.
 */
export function resolveSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv !== undefined) return Buffer.from(fromEnv, 'utf8');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret');
  try {
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    log('SECRET_GENERATED', { file });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // A copied data directory can arrive with loose permissions; the key must stay readable by us alone.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new Error(`SECRET_FILE_INVALID: ${file} holds fewer than 32 characters; delete it to generate a new one (existing links stop working)`);
  return Buffer.from(text, 'utf8');
}

/**
 * The same key for a command-line tool on the same machine: SECRET when set, else DATA_DIR/secret. Never creates
 * one (a missing file means there is no server data here); undefined when neither exists.
 */
export function readSecret(dataDir: string, fromEnv: string | undefined): Buffer | undefined {
  if (fromEnv !== undefined) return Buffer.from(fromEnv, 'utf8');
  try {
    return Buffer.from(readFileSync(join(dataDir, 'secret'), 'utf8').trim(), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

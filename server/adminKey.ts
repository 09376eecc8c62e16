import { createHmac } from 'node:crypto';
import { join } from 'node:path';

/** The admin socket lives in DATA_DIR, so only the user who runs the server (mode 0600) can reach it. */
export function adminSocketPath(dataDir: string): string {
  return join(dataDir, 'admin.sock');
}

/** Unix socket paths are limited to about 107 bytes; longer DATA_DIRs get no admin socket. */
export const MAX_SOCKET_PATH = 100;

/**
 * The key the backup command shows the admin socket: derived from the server secret, so the signing secret itself
 * never travels, and only someone who can read DATA_DIR/secret (or knows SECRET) can compute it.
 */
export function adminKey(secret: Buffer): string {
  return createHmac('sha256', secret).update('mantelkaart-admin-v1').digest('base64url');
}

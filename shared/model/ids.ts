/**
 * Random ids from getRandomValues, which (unlike crypto.randomUUID) also works on plain http:// pages,
 * as on a workshop LAN where the server is reached at http://192.168.x.y:3000.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// Typed locally: shared/ is checked without DOM or Node types, yet both provide Web Crypto.
interface WebCrypto { getRandomValues(array: Uint8Array): Uint8Array }
const webCrypto = (globalThis as unknown as { crypto: WebCrypto }).crypto;

function randomString(length: number): string {
  const bytes = new Uint8Array(length);
  webCrypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 63];
  return out;
}

/** An id for a node, edge or record: 96 random bits. */
export function newId(): string {
  return randomString(16);
}

/** A room id: 132 random bits (22 characters of 6 bits), inside the room-name pattern. */
export function newRoomId(): string {
  return randomString(22);
}

import { toBase64 } from 'lib0/buffer';

/** Standard base64 of bytes (for data: URLs in the print view), via lib0, which picks btoa or Buffer at run time. */
export function base64(bytes: Uint8Array): string {
  return toBase64(bytes);
}

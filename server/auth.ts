import { createHmac, timingSafeEqual } from 'node:crypto';
import { encodeTokenPayload, splitToken, type TokenErrorCode, type TokenPayload } from '../shared/protocol/token';
import type { Role } from '../shared/protocol/roles';

export type VerifyResult = { ok: true; payload: TokenPayload } | { ok: false; code: TokenErrorCode | 'TOKEN_BAD_SIGNATURE' };

/** Signs and verifies share-link tokens with HMAC-SHA256 (see shared/protocol/token.ts for the format). */
export class TokenSigner {
  constructor(private readonly secret: Buffer) {}

  private mac(payloadPart: string): Buffer {
    return createHmac('sha256', this.secret).update(payloadPart, 'utf8').digest();
  }

  sign(room: string, role: Role, generation: number): string {
    const payloadPart = encodeTokenPayload({ v: 1, r: room, l: role, g: generation });
    return payloadPart + '.' + this.mac(payloadPart).toString('base64url');
  }

  /** Checks shape and signature; whether the room exists and the generation is current is access.ts's job. */
  verify(token: string | null | undefined): VerifyResult {
    const parts = splitToken(token);
    if (!parts.ok) return parts;
    const expected = this.mac(parts.payloadPart);
    const given = Buffer.from(parts.signature);
    // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the secret.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, code: 'TOKEN_BAD_SIGNATURE' };
    return { ok: true, payload: parts.payload };
  }
}

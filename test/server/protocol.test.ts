import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { decodeBase64url, encodeBase64url } from '../../shared/protocol/base64url';
import { decodeTokenPayload, encodeTokenPayload, splitToken } from '../../shared/protocol/token';
import { decodeClientFrame, encodeAwarenessFrame, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from '../../shared/protocol/frame';
import { TokenSigner } from '../../server/auth';
import { createNode } from '../../shared/model/mapDoc';

describe('tokens', () => {
  const signer = new TokenSigner(Buffer.from('x'.repeat(64)));

  it('round-trips base64url for every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes);
      expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
    expect(decodeBase64url('a+b')).toBeNull();
    expect(decodeBase64url('abcde')).toBeNull();
  });

  it('signs a payload the client can read but not forge', () => {
    const token = signer.sign('Room_1', 'edit', 3);
    expect(decodeTokenPayload(token)).toEqual({ v: 1, r: 'Room_1', l: 'edit', g: 3 });
    expect(signer.verify(token)).toEqual({ ok: true, payload: { v: 1, r: 'Room_1', l: 'edit', g: 3 } });
    const forged = encodeTokenPayload({ v: 1, r: 'Room_1', l: 'owner', g: 3 }) + '.' + token.split('.')[1];
    expect(signer.verify(forged)).toEqual({ ok: false, code: 'TOKEN_BAD_SIGNATURE' });
    expect(new TokenSigner(Buffer.from('y'.repeat(64))).verify(token).ok).toBe(false);
  });

  it('refuses malformed and oversized tokens with a code', () => {
    expect(splitToken(undefined)).toEqual({ ok: false, code: 'TOKEN_MISSING' });
    expect(splitToken('a'.repeat(513))).toEqual({ ok: false, code: 'TOKEN_TOO_LONG' });
    for (const bad of ['abc', 'a.b.c', '.abc', 'eyJ9.abc', 'e30.abc', encodeTokenPayload({ v: 1, r: 'bad room', l: 'view', g: 1 }) + '.abc']) {
      expect(splitToken(bad).ok, bad).toBe(false);
    }
    const extra = Buffer.from(JSON.stringify({ v: 1, r: 'r', l: 'view', g: 1, admin: true })).toString('base64url');
    expect(splitToken(extra + '.abc').ok).toBe(false);
  });
});

describe('the frame gate', () => {
  const doc = new Y.Doc();
  createNode(doc, { label: 'a' });
  const update = Y.encodeStateAsUpdate(doc);

  it('decodes what a y-websocket client sends', () => {
    expect(decodeClientFrame(encodeSyncStep1(Y.encodeStateVector(doc)))).toMatchObject({ ok: true, frame: { kind: 'syncStep1' } });
    expect(decodeClientFrame(encodeSyncStep2(update))).toEqual({ ok: true, frame: { kind: 'syncStep2', update } });
    expect(decodeClientFrame(encodeSyncUpdate(update))).toEqual({ ok: true, frame: { kind: 'update', update } });
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Els' } });
    const au = encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(decodeClientFrame(encodeAwarenessFrame(au))).toEqual({
      ok: true,
      frame: { kind: 'awareness', update: au, entries: [{ clientID: doc.clientID, clock: 1, state: { user: { name: 'Els' } } }] },
    });
    awareness.destroy();
  });

  it('refuses truncated, trailing, unknown and undecodable frames with a code', () => {
    const full = encodeSyncUpdate(update);
    expect(decodeClientFrame(new Uint8Array())).toEqual({ ok: false, code: 'FRAME_EMPTY' });
    expect(decodeClientFrame(full.slice(0, full.length - 3))).toEqual({ ok: false, code: 'FRAME_TRUNCATED' });
    expect(decodeClientFrame(Uint8Array.from([...full, 0]))).toEqual({ ok: false, code: 'FRAME_TRAILING_BYTES' });
    expect(decodeClientFrame(Uint8Array.from([9]))).toEqual({ ok: false, code: 'FRAME_UNKNOWN_TYPE' });
    expect(decodeClientFrame(encodeSyncUpdate(Uint8Array.from([5, 1, 2, 3])))).toEqual({ ok: false, code: 'FRAME_BAD_UPDATE' });
    expect(decodeClientFrame(encodeAwarenessFrame(Uint8Array.from([1, 5, 1, 3, 123, 34, 97])))).toMatchObject({ ok: false });
    // Random bytes never throw out of the gate.
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: 1 + (i % 40) }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 255);
      expect(() => decodeClientFrame(bytes)).not.toThrow();
    }
  });
});

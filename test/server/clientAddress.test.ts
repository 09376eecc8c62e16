import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../server/clientAddress';

const request = (remote: string, forwarded?: string) => ({ socket: { remoteAddress: remote }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('the address per-address limits count', () => {
  it('is the connection’s own address without TRUST_PROXY, whatever the client writes in X-Forwarded-For', () => {
    expect(clientAddress(request('203.0.113.9', '10.0.0.1'), 0)).toBe('203.0.113.9');
  });

  it('is the address the trusted proxy saw, never one the client put further left', () => {
    // The phone wrote a fake entry; nginx appended the phone's real address; the request comes from nginx.
    expect(clientAddress(request('127.0.0.1', '10.9.9.9, 198.51.100.23'), 1)).toBe('198.51.100.23');
    expect(clientAddress(request('127.0.0.1', '10.9.9.9, 198.51.100.23, 192.0.2.1'), 2)).toBe('198.51.100.23');
    // No header (a request that did not pass the proxy): the connection's address.
    expect(clientAddress(request('127.0.0.1'), 1)).toBe('127.0.0.1');
  });
});

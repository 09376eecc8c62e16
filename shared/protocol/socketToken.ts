/**
 * How our own client hands its token to the socket: in the Sec-WebSocket-Protocol header, which reverse proxies
 * do not write to their access logs, instead of the query string, which they do. The client offers two
 * subprotocols, `mantelkaart` and `mantelkaart.token.<token>`; the server answers with `mantelkaart` only, so the
 * token is never echoed. Stock y-websocket clients keep using `?token=`.
 */
export const SOCKET_PROTOCOL = 'mantelkaart';
const TOKEN_PREFIX = `${SOCKET_PROTOCOL}.token.`;

/** The subprotocols to offer for a token (a token is base64url and dots: valid in the header). */
export function tokenProtocols(token: string): string[] {
  return [SOCKET_PROTOCOL, TOKEN_PREFIX + token];
}

/** Tokens found in a Sec-WebSocket-Protocol header (normally none or one). */
export function tokensFromProtocols(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.startsWith(TOKEN_PREFIX))
    .map((p) => p.slice(TOKEN_PREFIX.length));
}

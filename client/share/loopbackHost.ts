/**
 * The host of a link when it only works on the machine itself (localhost, 127.x, ::1, 0.0.0.0), with the
 * port it uses; null for a link other devices can open. A phone scanning a localhost QR code finds nothing.
 */
export function loopbackHost(link: string): { host: string; port: string } | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback = host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === '0.0.0.0' || host === '::';
  if (!loopback) return null;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return { host: url.hostname, port };
}

// What server/http/serve.ts does to each request before Next.js sees it: X-Forwarded-For is replaced with
// the client's address (lib/client-ip.ts), and forwarding headers count only from a trusted proxy.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CLIENT_IP_HEADER, LOOPBACK_HEADER, isTrustedProxy, normalizeAddress, resolveClientIp, type TrustProxy } from '@/lib/client-ip';

/** Headers a proxy sets about the original request; from anyone else they are the client's invention. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

function isLoopback(address: string | null): boolean {
  return address !== null && (address === '::1' || /^127\./.test(address));
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return secret.length > 0 && a.length === b.length && timingSafeEqual(a, b);
}

export interface ForwardingOptions {
  trust: TrustProxy;
  /** proxy.ts's loopback requests carry it (LOOPBACK_HEADER): they keep the visitor's address. */
  loopbackSecret: string;
}

/**
 * Rewrites the request's headers in place: X-Forwarded-For (CLIENT_IP_HEADER) holds only the client's
 * address, X-Real-IP is dropped, and so are the other forwarding headers (X-Forwarded-Host/-Proto/-Port,
 * Forwarded) unless the peer is a trusted proxy. Next.js then fills X-Forwarded-* from the socket itself.
 */
export function applyClientAddress(headers: IncomingHttpHeaders, socketAddress: string | undefined, options: ForwardingOptions): void {
  const loopback = headers[LOOPBACK_HEADER];
  delete headers[LOOPBACK_HEADER];
  const peer = normalizeAddress(socketAddress);
  // This server's own render or 繁體 fetch (proxy.ts) carries the visitor's headers as they were set here.
  if (typeof loopback === 'string' && isLoopback(peer) && sameSecret(loopback, options.loopbackSecret)) return;
  const trusted = peer !== null && isTrustedProxy(peer, options.trust);
  const forwardedFor = headers['x-forwarded-for'];
  const realIp = headers['x-real-ip'];
  const client = resolveClientIp(
    {
      socketAddress,
      forwardedFor: Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
      realIp: Array.isArray(realIp) ? realIp[0] : realIp,
    },
    options.trust,
  );
  if (!trusted) for (const name of FORWARDING_HEADERS) delete headers[name];
  delete headers[CLIENT_IP_HEADER];
  delete headers['x-real-ip'];
  if (client) headers[CLIENT_IP_HEADER] = client;
}

// The client's address for rate limits and the audit log.
// server/http/serve.ts, which runs the app for `npm start` and `npm run serve`, works the address out for
// every request and replaces X-Forwarded-For with it (CLIENT_IP_HEADER) before the app sees the request:
// the socket's peer address, or, only when that peer is a trusted proxy (TRUST_PROXY), the address the
// proxy forwarded in X-Forwarded-For / X-Real-IP. So a client cannot choose its address. (A bare
// `next start` or `next dev` has no such server in front: there the header is the client's own.)
import { BlockList, isIP } from 'node:net';

/** The one address server/http/serve.ts determined; whatever the client sent in it is replaced. */
export const CLIENT_IP_HEADER = 'x-forwarded-for';
/** Marks proxy.ts's loopback requests to this server, which keep the visitor's address (with the secret below). */
export const LOOPBACK_HEADER = 'x-civic-loopback';
/** The environment variable through which server/http/serve.ts gives proxy.ts the loopback secret. */
export const LOOPBACK_SECRET_ENV = 'CIVIC_LOOPBACK_SECRET';

/**
 * Whose forwarding headers are believed: nobody (the default), the immediate peer whoever it is
 * (`TRUST_PROXY=1`: the rightmost X-Forwarded-For entry is the client), or the listed proxies.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'any' } | { kind: 'list'; list: BlockList; entries: string[] };

/** A bare IP address (IPv4-mapped IPv6 as IPv4, brackets and an IPv4 port removed), or null when it is not one. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let address = value?.trim() ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** TRUST_PROXY: unset, `0`/`false` (trust no one), `1`/`true` (the immediate peer), or a comma list of addresses and CIDR ranges. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || ['0', 'false', 'no', 'off'].includes(text)) return { kind: 'none' };
  if (['1', 'true', 'yes', 'on'].includes(text)) return { kind: 'any' };
  const list = new BlockList();
  const entries: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addressPart, prefixPart, extra] = entry.split('/');
    const address = normalizeAddress(addressPart);
    const max = address && isIP(address) === 6 ? 128 : 32;
    const prefix = prefixPart === undefined ? max : Number(prefixPart);
    if (!address || extra !== undefined || !/^\d{1,3}$/.test(String(prefix)) || prefix > max) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range (expected e.g. 1, 127.0.0.1 or 10.0.0.0/8)`);
    }
    if (prefix === max) list.addAddress(address, family(address));
    else list.addSubnet(address, prefix, family(address));
    entries.push(entry);
  }
  return entries.length > 0 ? { kind: 'list', list, entries } : { kind: 'none' };
}

/** Whether forwarding headers from this peer address are believed. */
export function isTrustedProxy(address: string, trust: TrustProxy): boolean {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'any') return true;
  return trust.list.check(address, family(address));
}

export interface ForwardedRequest {
  /** The socket's peer address (req.socket.remoteAddress). */
  socketAddress: string | undefined;
  forwardedFor: string | undefined;
  realIp: string | undefined;
}

/**
 * The client's address. An untrusted peer is the client. Behind trusted proxies, X-Forwarded-For is
 * read from the right (each proxy appends the address it saw): with `TRUST_PROXY=1` the rightmost entry,
 * with a list the first entry that is not itself a listed proxy. A malformed entry ends the walk at the
 * last good hop; without X-Forwarded-For, X-Real-IP, else the peer.
 */
export function resolveClientIp({ socketAddress, forwardedFor, realIp }: ForwardedRequest, trust: TrustProxy): string | null {
  const peer = normalizeAddress(socketAddress);
  if (peer === null || !isTrustedProxy(peer, trust)) return peer;
  const chain = (forwardedFor ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (chain.length === 0) return normalizeAddress(realIp) ?? peer;
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    if (hop === null) return client;
    client = hop;
    if (trust.kind === 'any' || !isTrustedProxy(hop, trust)) return hop;
  }
  return client;
}

/** The client's address as server/http/serve.ts determined it (the one X-Forwarded-For entry), or null. */
export function clientIp(headers: Headers): string | null {
  return normalizeAddress(headers.get(CLIENT_IP_HEADER)?.split(',').pop());
}

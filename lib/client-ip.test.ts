import { describe, expect, it } from 'vitest';
import { clientIp, CLIENT_IP_HEADER, isTrustedProxy, normalizeAddress, parseTrustProxy, resolveClientIp } from './client-ip';

describe('normalizeAddress', () => {
  it('keeps bare addresses and undoes the usual wrappings', () => {
    expect(normalizeAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(normalizeAddress(' ::ffff:203.0.113.7 ')).toBe('203.0.113.7');
    expect(normalizeAddress('203.0.113.7:5050')).toBe('203.0.113.7');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('2001:db8::1')).toBe('2001:db8::1');
  });

  it('refuses anything that is not an address', () => {
    for (const value of ['', 'unknown', 'evil.example', '1.2.3', '203.0.113.7, 10.0.0.1', '<script>', null, undefined]) {
      expect(normalizeAddress(value), String(value)).toBeNull();
    }
  });
});

describe('parseTrustProxy', () => {
  it('trusts no one by default', () => {
    for (const value of [undefined, '', ' ', '0', 'false', 'off']) expect(parseTrustProxy(value).kind, String(value)).toBe('none');
  });

  it('trusts the immediate peer with 1/true', () => {
    for (const value of ['1', 'true', 'YES']) expect(parseTrustProxy(value).kind).toBe('any');
  });

  it('takes a comma list of addresses and CIDR ranges', () => {
    const trust = parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1, fd00::/8');
    expect(trust.kind).toBe('list');
    for (const address of ['127.0.0.1', '10.1.2.3', '::1', 'fd00::5']) expect(isTrustedProxy(address, trust), address).toBe(true);
    for (const address of ['127.0.0.2', '11.0.0.1', '::2', '203.0.113.7']) expect(isTrustedProxy(address, trust), address).toBe(false);
  });

  it('fails loudly on an entry it cannot read', () => {
    for (const value of ['nginx', '10.0.0.0/33', '10.0.0.1/8/2', '127.0.0.1, localhost']) {
      expect(() => parseTrustProxy(value), value).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('resolveClientIp', () => {
  const forged = { forwardedFor: '198.51.100.1', realIp: '198.51.100.2' };

  it('ignores forwarding headers unless the peer is a trusted proxy (issue 15)', () => {
    expect(resolveClientIp({ socketAddress: '::ffff:203.0.113.7', ...forged }, parseTrustProxy(undefined))).toBe('203.0.113.7');
    expect(resolveClientIp({ socketAddress: '203.0.113.7', ...forged }, parseTrustProxy('127.0.0.1'))).toBe('203.0.113.7');
  });

  it('with TRUST_PROXY=1 takes the rightmost X-Forwarded-For entry (what the proxy saw)', () => {
    const any = parseTrustProxy('1');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: '1.1.1.1, 198.51.100.1', realIp: undefined }, any)).toBe('198.51.100.1');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: undefined, realIp: '198.51.100.2' }, any)).toBe('198.51.100.2');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: undefined, realIp: undefined }, any)).toBe('127.0.0.1');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: 'garbage', realIp: undefined }, any)).toBe('127.0.0.1');
  });

  it('with a list walks X-Forwarded-For from the right past the listed proxies', () => {
    const list = parseTrustProxy('127.0.0.1,10.0.0.0/8');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: '1.1.1.1, 198.51.100.1, 10.0.0.5', realIp: undefined }, list)).toBe('198.51.100.1');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: '10.0.0.9, 10.0.0.5', realIp: undefined }, list)).toBe('10.0.0.9');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: 'junk, 10.0.0.5', realIp: undefined }, list)).toBe('10.0.0.5');
  });
});

describe('clientIp', () => {
  it('reads the address server/http/serve.ts put in X-Forwarded-For, and nothing else', () => {
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: '::ffff:203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBeNull();
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: 'not an address' }))).toBeNull();
  });
});

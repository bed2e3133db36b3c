// The client address as the app sees it behind server/http/serve.ts's request hook, over real sockets:
// a client on another address than a trusted proxy cannot choose its address with forwarding headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, LOOPBACK_HEADER, parseTrustProxy, type TrustProxy } from '@/lib/client-ip';
import { applyClientAddress } from './forwarding';

const SECRET = 'loopback-secret-for-the-test';
let trust: TrustProxy = parseTrustProxy(undefined);
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    applyClientAddress(req.headers, req.socket.remoteAddress, { trust, loopbackSecret: SECRET });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The headers the app receives for a request sent from `localAddress` (any 127.x address reaches the server). */
function seen(headers: Record<string, string>, localAddress = '127.0.0.1'): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/', localAddress, headers, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(JSON.parse(body) as Record<string, string>));
    });
    request.on('error', reject);
    request.end();
  });
}

const FORGED = { 'x-forwarded-for': '198.51.100.3, 198.51.100.1', 'x-real-ip': '198.51.100.2', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('the client address behind server/http/serve.ts', () => {
  it('without TRUST_PROXY is the socket address, whatever the client forwards', async () => {
    trust = parseTrustProxy(undefined);
    const headers = await seen(FORGED, '127.0.0.2');
    expect(headers[CLIENT_IP_HEADER]).toBe('127.0.0.2');
    for (const name of ['x-real-ip', 'x-forwarded-host', 'x-forwarded-proto']) expect(headers[name], name).toBeUndefined();
  });

  it('believes X-Forwarded-For from a listed proxy only', async () => {
    trust = parseTrustProxy('127.0.0.1');
    const fromProxy = await seen(FORGED, '127.0.0.1');
    expect(fromProxy[CLIENT_IP_HEADER]).toBe('198.51.100.1');
    expect(fromProxy['x-forwarded-host']).toBe('evil.example');
    const fromOther = await seen(FORGED, '127.0.0.3');
    expect(fromOther[CLIENT_IP_HEADER]).toBe('127.0.0.3');
    expect(fromOther['x-forwarded-host']).toBeUndefined();
  });

  it('with TRUST_PROXY=1 believes any peer', async () => {
    trust = parseTrustProxy('1');
    expect((await seen(FORGED, '127.0.0.4'))[CLIENT_IP_HEADER]).toBe('198.51.100.1');
  });

  it("keeps the visitor's address on the portal's own loopback requests, and only with the secret", async () => {
    trust = parseTrustProxy(undefined);
    const inner = await seen({ [CLIENT_IP_HEADER]: '203.0.113.9', [LOOPBACK_HEADER]: SECRET });
    expect(inner[CLIENT_IP_HEADER]).toBe('203.0.113.9');
    expect(inner[LOOPBACK_HEADER]).toBeUndefined();
    const guessed = await seen({ [CLIENT_IP_HEADER]: '203.0.113.9', [LOOPBACK_HEADER]: 'guess' });
    expect(guessed[CLIENT_IP_HEADER]).toBe('127.0.0.1');
    expect(guessed[LOOPBACK_HEADER]).toBeUndefined();
  });
});

// Issue 15: per-address limits trusted X-Forwarded-For from anyone. server/http/serve.ts now believes
// forwarding headers only from the proxies in TRUST_PROXY; the test server sets TRUST_PROXY=127.0.0.1
// (the test client plays the proxy), so a client connecting from 127.0.0.2 is "anyone else": the same
// code path as a server with TRUST_PROXY unset, where every peer is anyone else.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { loadActions, parseActionState, type ActionRef } from './security-helpers';
import { flightState } from './security-inputs-helpers';

const LIMIT = 30; // POLICIES.statusLookup: 30 look-ups per 15 minutes per address
const PATH = '/credit/objection/status';
let lookup: ActionRef;

test.beforeAll(() => {
  lookup = loadActions().get('app/(public)/credit/objection/actions.ts#lookupObjectionStatus')!;
  expect(lookup).toBeTruthy();
});

/** One status look-up, posted as React's client does, from `localAddress` with the given X-Forwarded-For. */
async function statusLookup(baseURL: string, localAddress: string, forwardedFor: string): Promise<string> {
  const form = new FormData();
  form.append('_1_trackingNo', 'YS20261122-7KQ4M9');
  form.append('_1_phone', '13912345678');
  form.append('0', JSON.stringify([{}, '$K1']));
  const encoded = new Request('http://x/', { method: 'POST', body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  const base = new URL(baseURL);
  const text = await new Promise<string>((resolve, reject) => {
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: PATH,
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          'Content-Type': encoded.headers.get('content-type')!,
          'Content-Length': body.length,
          'Next-Action': lookup.id,
          Origin: base.origin,
          Accept: 'text/x-component',
          'X-Forwarded-For': forwardedFor,
          'X-Real-IP': forwardedFor,
        },
      },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (data += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(data) : reject(new Error(`HTTP ${response.statusCode}: ${data.slice(0, 200)}`))));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
  return String((parseActionState(text) ?? flightState(text))?.message ?? '');
}

const refused = (message: string) => message.includes('提交过于频繁');
/** A client address of its own per run (10.250.x.y), so a rerun on the same server starts afresh. */
const runPrefix = `10.250.${Math.floor(Math.random() * 250)}`;

test('a client that is not a trusted proxy cannot escape the per-address limit with X-Forwarded-For', async ({ baseURL }) => {
  test.setTimeout(60_000);
  // 127.0.0.2 is this machine too, but not the listed proxy (127.0.0.1): every look-up forges a new address.
  const answers: string[] = [];
  for (let i = 0; i <= LIMIT; i++) answers.push(await statusLookup(baseURL!, '127.0.0.2', `${runPrefix}.${i + 1}`));
  expect(answers.slice(0, LIMIT).filter(refused)).toEqual([]);
  expect(refused(answers[LIMIT]!), `look-up ${LIMIT + 1}: ${answers[LIMIT]}`).toBe(true);
});

test('X-Forwarded-For from the trusted proxy is honoured: each forwarded client has its own budget', async ({ baseURL }) => {
  test.setTimeout(60_000);
  const answers: string[] = [];
  for (let i = 0; i <= LIMIT; i++) answers.push(await statusLookup(baseURL!, '127.0.0.1', `${runPrefix}.${100 + i}`));
  expect(answers.filter(refused)).toEqual([]);
  // ...and one forwarded client is still limited.
  const one: string[] = [];
  for (let i = 0; i <= LIMIT; i++) one.push(await statusLookup(baseURL!, '127.0.0.1', `${runPrefix}.200`));
  expect(one.filter(refused)).toHaveLength(1);
});

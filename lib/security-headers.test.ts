import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite, isProvenSameOrigin } from './security-headers';

const headers = (values: Record<string, string>) => new Headers({ host: 'portal.example.gov.cn', ...values });

describe('isCrossOriginWrite', () => {
  it('refuses writes another site sends, by Sec-Fetch-Site or by Origin', () => {
    expect(isCrossOriginWrite('POST', headers({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossOriginWrite('POST', headers({ 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossOriginWrite('POST', headers({ origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossOriginWrite('POST', headers({ origin: 'null' }))).toBe(true);
  });
  it('lets this site, reads and clients that name no origin through', () => {
    expect(isCrossOriginWrite('POST', headers({ 'sec-fetch-site': 'same-origin', origin: 'https://portal.example.gov.cn' }))).toBe(false);
    expect(isCrossOriginWrite('POST', headers({ origin: 'https://portal.example.gov.cn' }))).toBe(false);
    expect(isCrossOriginWrite('POST', headers({ origin: 'https://portal.example.gov.cn', host: '127.0.0.1:3000', 'x-forwarded-host': 'portal.example.gov.cn' }))).toBe(false);
    expect(isCrossOriginWrite('POST', headers({}))).toBe(false);
    expect(isCrossOriginWrite('GET', headers({ 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });
});

describe('isProvenSameOrigin', () => {
  const own = ['https://portal.example.gov.cn'];
  it('needs the browser to say so: Sec-Fetch-Site same-origin, or else an Origin that is exactly this site', () => {
    expect(isProvenSameOrigin(headers({ 'sec-fetch-site': 'same-origin' }), own)).toBe(true);
    expect(isProvenSameOrigin(headers({ origin: 'https://portal.example.gov.cn' }), own)).toBe(true);
    expect(isProvenSameOrigin(headers({ origin: 'HTTPS://Portal.Example.gov.cn' }), own)).toBe(true);
    expect(isProvenSameOrigin(headers({ origin: 'http://127.0.0.1:3000' }), ['http://127.0.0.1:3000', ...own])).toBe(true);
  });
  it('is false without proof or against it', () => {
    expect(isProvenSameOrigin(headers({}), own)).toBe(false);
    expect(isProvenSameOrigin(headers({ 'sec-fetch-site': 'none' }), own)).toBe(false);
    expect(isProvenSameOrigin(headers({ 'sec-fetch-site': 'same-site', origin: 'https://portal.example.gov.cn' }), own)).toBe(false);
    expect(isProvenSameOrigin(headers({ 'sec-fetch-site': 'cross-site' }), own)).toBe(false);
    expect(isProvenSameOrigin(headers({ origin: 'https://evil.example' }), own)).toBe(false);
    expect(isProvenSameOrigin(headers({ origin: 'null' }), own)).toBe(false);
    expect(isProvenSameOrigin(headers({ origin: 'https://portal.example.gov.cn.evil.example' }), own)).toBe(false);
    // The same host over plain http (a network attacker's page) is another origin.
    expect(isProvenSameOrigin(headers({ origin: 'http://portal.example.gov.cn' }), own)).toBe(false);
    expect(isProvenSameOrigin(headers({ origin: 'https://portal.example.gov.cn:8443' }), own)).toBe(false);
  });
});

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
  it('needs the browser to say so: Sec-Fetch-Site same-origin, or else an Origin naming this host', () => {
    expect(isProvenSameOrigin(headers({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isProvenSameOrigin(headers({ origin: 'https://portal.example.gov.cn' }))).toBe(true);
    expect(isProvenSameOrigin(headers({ origin: 'https://portal.example.gov.cn', host: '127.0.0.1:3000', 'x-forwarded-host': 'portal.example.gov.cn' }))).toBe(true);
  });
  it('is false without proof or against it', () => {
    expect(isProvenSameOrigin(headers({}))).toBe(false);
    expect(isProvenSameOrigin(headers({ 'sec-fetch-site': 'none' }))).toBe(false);
    expect(isProvenSameOrigin(headers({ 'sec-fetch-site': 'same-site', origin: 'https://portal.example.gov.cn' }))).toBe(false);
    expect(isProvenSameOrigin(headers({ 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isProvenSameOrigin(headers({ origin: 'https://evil.example' }))).toBe(false);
    expect(isProvenSameOrigin(headers({ origin: 'null' }))).toBe(false);
    expect(isProvenSameOrigin(headers({ origin: 'https://portal.example.gov.cn.evil.example' }))).toBe(false);
  });
});

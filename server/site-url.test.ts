import { describe, expect, it } from 'vitest';
import { absoluteUrl, configuredOrigin, originFromHeaders } from './site-url';

describe('site origin', () => {
  it('prefers SITE_URL, reduced to its origin', () => {
    expect(configuredOrigin('https://wenming.example.gov.cn/')).toBe('https://wenming.example.gov.cn');
    expect(configuredOrigin(' https://wenming.example.gov.cn:8443/portal ')).toBe('https://wenming.example.gov.cn:8443');
    expect(configuredOrigin(undefined)).toBeNull();
    expect(configuredOrigin('')).toBeNull();
    const headers = new Headers({ host: 'evil.example' });
    expect(originFromHeaders(headers, 'https://wenming.example.gov.cn')).toBe('https://wenming.example.gov.cn');
  });

  it('falls back to the request host and forwarded scheme', () => {
    expect(originFromHeaders(new Headers({ host: 'localhost:3000' }), '')).toBe('http://localhost:3000');
    expect(originFromHeaders(new Headers({ host: 'Wenming.Example.gov.cn', 'x-forwarded-proto': 'https, http' }), undefined)).toBe('https://wenming.example.gov.cn');
    expect(originFromHeaders(new Headers({ host: '[::1]:3000' }), undefined)).toBe('http://[::1]:3000');
  });

  it('does not echo a malformed Host header into links', () => {
    expect(originFromHeaders(new Headers({ host: 'a.example/"><script>' }), undefined)).toBe('http://localhost');
    expect(originFromHeaders(new Headers({ host: 'x.example', 'x-forwarded-proto': 'javascript' }), undefined)).toBe('http://x.example');
  });

  it('builds absolute URLs with percent-encoded paths', () => {
    expect(absoluteUrl('https://wenming.example.gov.cn', '/news/tag/志愿服务')).toBe('https://wenming.example.gov.cn/news/tag/%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1');
  });
});

import { describe, expect, it } from 'vitest';
import { absoluteUrl, configuredOrigin, isPublicHost, listenOrigin, publicOrigin, requestOrigin } from './site-url';

describe('site origin', () => {
  it('is the configured address: SITE_URL, else NEXTAUTH_URL, reduced to its origin', () => {
    expect(configuredOrigin({ SITE_URL: 'https://wenming.example.gov.cn/' })).toBe('https://wenming.example.gov.cn');
    expect(configuredOrigin({ SITE_URL: ' https://wenming.example.gov.cn:8443/portal ' })).toBe('https://wenming.example.gov.cn:8443');
    expect(configuredOrigin({ NEXTAUTH_URL: 'https://auth.example.gov.cn/api/auth' })).toBe('https://auth.example.gov.cn');
    expect(configuredOrigin({ SITE_URL: 'https://a.example', NEXTAUTH_URL: 'https://b.example' })).toBe('https://a.example');
    expect(configuredOrigin({})).toBeNull();
    expect(configuredOrigin({ SITE_URL: '' })).toBeNull();
    expect(configuredOrigin({ SITE_URL: 'javascript:alert(1)' })).toBeNull();
  });

  it('falls back to the address the server was started on, never to a request header', () => {
    expect(publicOrigin({ CIVIC_LISTEN_ORIGIN: 'http://127.0.0.1:3210' })).toBe('http://127.0.0.1:3210');
    expect(publicOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://localhost:3000' })).toBe('http://localhost:3000');
    expect(publicOrigin({ SITE_URL: 'https://wenming.example.gov.cn', CIVIC_LISTEN_ORIGIN: 'http://127.0.0.1:3210' })).toBe('https://wenming.example.gov.cn');
    expect(publicOrigin({})).toBe('http://localhost:3000');
  });

  it('names the listening address as next start does', () => {
    expect(listenOrigin(undefined, 3000)).toBe('http://localhost:3000');
    expect(listenOrigin('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(listenOrigin('127.0.0.1', 3210)).toBe('http://127.0.0.1:3210');
    expect(listenOrigin('::', 3000)).toBe('http://[::1]:3000');
    expect(listenOrigin('::1', 3000)).toBe('http://[::1]:3000');
  });

  it('sends a redirect back to the origin the visitor addressed, and only a well-formed one', () => {
    expect(requestOrigin(new Headers({ host: '127.0.0.1:3210' }))).toBe('http://127.0.0.1:3210');
    expect(requestOrigin(new Headers({ host: 'Wenming.Example.gov.cn', 'x-forwarded-proto': 'https, http' }))).toBe('https://wenming.example.gov.cn');
    expect(requestOrigin(new Headers({ host: 'a.example/"><script>' }))).toBe(publicOrigin());
  });

  it('builds absolute URLs with percent-encoded paths', () => {
    expect(absoluteUrl('https://wenming.example.gov.cn', '/news/tag/志愿服务')).toBe('https://wenming.example.gov.cn/news/tag/%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1');
  });
});

describe('requests for the public host', () => {
  const site = 'https://wenming.example.gov.cn';
  const request = (headers: Record<string, string>) => new Headers(headers);

  it('accepts the public host, with or without its port (nginx forwards $host)', () => {
    expect(isPublicHost(request({ host: 'wenming.example.gov.cn' }), site)).toBe(true);
    expect(isPublicHost(request({ host: 'Wenming.Example.gov.cn:443' }), site)).toBe(true);
    expect(isPublicHost(request({ host: 'wenming.example.gov.cn', 'x-forwarded-host': 'wenming.example.gov.cn' }), site)).toBe(true);
    expect(isPublicHost(request({ host: '127.0.0.1:3210' }), 'http://127.0.0.1:3210')).toBe(true);
    expect(isPublicHost(request({ host: '127.0.0.1' }), 'http://127.0.0.1:3210')).toBe(true);
  });

  it('refuses any other host in Host or X-Forwarded-Host (the cache poisoning of issue 15)', () => {
    expect(isPublicHost(request({ host: 'evil.example', 'x-forwarded-host': 'wenming.example.gov.cn' }), site)).toBe(false);
    expect(isPublicHost(request({ host: 'wenming.example.gov.cn', 'x-forwarded-host': 'evil.example' }), site)).toBe(false);
    expect(isPublicHost(request({ host: 'wenming.example.gov.cn', 'x-forwarded-host': 'wenming.example.gov.cn, evil.example' }), site)).toBe(false);
    expect(isPublicHost(request({ host: 'wenming.example.gov.cn:8443' }), site)).toBe(false);
    expect(isPublicHost(request({ host: 'wenming.example.gov.cn.evil.example' }), site)).toBe(false);
    expect(isPublicHost(request({ host: 'a.example/"><script>' }), site)).toBe(false);
    expect(isPublicHost(request({}), site)).toBe(false);
    expect(isPublicHost(request({ host: '127.0.0.1:3211' }), 'http://127.0.0.1:3210')).toBe(false);
  });

  it('treats loopback names as one host only when the origin itself is a loopback address', () => {
    expect(isPublicHost(request({ host: '127.0.0.1:3000' }), 'http://localhost:3000')).toBe(true);
    expect(isPublicHost(request({ host: '[::1]:3000' }), 'http://localhost:3000')).toBe(true);
    expect(isPublicHost(request({ host: '192.168.1.5:3000' }), 'http://localhost:3000')).toBe(false);
    expect(isPublicHost(request({ host: 'localhost' }), site)).toBe(false);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConversionCache,
  convertBody,
  INNER_HEADER,
  innerRequestHeaders,
    parseScript,
  scriptRoute,
  scriptSwitchTarget,
  setHtmlLang,
  toSimplified,
  toTraditional,
  type ScriptRequest,
} from './chinese-script';

const seedDir = path.resolve(import.meta.dirname, '../db/seed/content');
const seedText = fs
  .readdirSync(seedDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => fs.readFileSync(path.join(seedDir, name), 'utf8'))
  .join('\n');

describe('toTraditional and toSimplified', () => {
  it('converts Simplified characters and keeps shared ones', () => {
    expect(toTraditional('诚信红黑榜')).toBe('誠信紅黑榜');
    expect(toTraditional('文明城市')).toBe('文明城市');
    expect(toTraditional('好人榜：助人为乐')).toBe('好人榜：助人為樂');
  });

  it('leaves text without Chinese untouched', () => {
    const text = '<a href="/credit?page=2" class="px-4">91350100M000100Y43 — ok ©</a>';
    expect(toTraditional(text)).toBe(text);
  });

  it('keeps the switch back to 简体 in Simplified', () => {
    expect(toTraditional('简体')).toBe('简体');
    expect(toTraditional('<span>，切换到简体中文</span>')).toBe('<span>，切换到简体中文</span>');
    expect(toTraditional('繁体')).toBe('繁體');
  });

  it('turns Traditional search input into Simplified', () => {
    expect(toSimplified('誠信')).toBe('诚信');
    expect(toSimplified('誠信紅黑榜')).toBe('诚信红黑榜');
    expect(toSimplified('诚信')).toBe('诚信');
    expect(toSimplified('91350100M000100Y43')).toBe('91350100M000100Y43');
  });

  it('keeps the UTF-8 byte length of all seed text while converting it', () => {
    const converted = toTraditional(seedText);
    expect(converted).not.toBe(seedText);
    expect(Buffer.byteLength(converted)).toBe(Buffer.byteLength(seedText));
    expect(converted.length).toBe(seedText.length);
  });
});

describe('convertBody', () => {
  it('converts HTML and sets the document language', () => {
    const html = '<!DOCTYPE html><html lang="zh-CN"><body><h1>诚信红黑榜</h1></body></html>';
    expect(convertBody(html, 'text/html; charset=utf-8')).toBe('<!DOCTYPE html><html lang="zh-Hant"><body><h1>誠信紅黑榜</h1></body></html>');
  });
  it('leaves form values alone: an option or a field keeps what the server and the form expect', () => {
    const html = '<select name="category"><option value="助人为乐">助人为乐</option></select><input name="q" value="诚信达"/>';
    expect(convertBody(html, 'text/html')).toBe('<select name="category"><option value="助人为乐">助人為樂</option></select><input name="q" value="诚信达"/>');
  });

  it('keeps the length prefixes of RSC text rows valid', () => {
    const text = '江城市诚信建设：守信联合激励';
    const payload = `0:["$","h1",null,{"children":"诚信红黑榜"}]\n1:T${Buffer.byteLength(text).toString(16)},${text}2:"$1"\n`;
    const converted = convertBody(payload, 'text/x-component')!;
    const match = /1:T([0-9a-f]+),/.exec(converted)!;
    const start = Buffer.byteLength(converted.slice(0, match.index + match[0].length));
    const row = Buffer.from(converted).subarray(start, start + parseInt(match[1]!, 16)).toString('utf8');
    expect(row).toBe('江城市誠信建設：守信聯合激勵');
    expect(converted).toContain('"children":"誠信紅黑榜"');
  });

  it('converts pages and RSC payloads only, never scripts or data', () => {
    expect(convertBody('a="高对比度"', 'text/javascript')).toBeNull();
    expect(convertBody('a="高对比度"', 'application/javascript; charset=UTF-8')).toBeNull();
    expect(convertBody('{"诚信":1}', 'application/json')).toBeNull();
    expect(convertBody('font-family:"微软雅黑"', 'text/css')).toBeNull();
    expect(convertBody('诚信', null)).toBeNull();
  });

  it('sets lang only on the html element', () => {
    expect(setHtmlLang('<html class="a" lang="zh-CN"><p lang="zh-CN">x</p>')).toBe('<html class="a" lang="zh-Hant"><p lang="zh-CN">x</p>');
    expect(setHtmlLang('<p>no html tag</p>')).toBe('<p>no html tag</p>');
  });
});

describe('ConversionCache', () => {
  it('answers a repeated body from the cache and evicts the least recently used', () => {
    const cache = new ConversionCache(2);
    expect(cache.convert('<p>诚信</p>', 'text/html')).toBe('<p>誠信</p>');
    expect(cache.convert('<p>诚信</p>', 'text/html')).toBe('<p>誠信</p>');
    expect(cache.size).toBe(1);
    cache.convert('<p>文明</p>', 'text/html');
    cache.convert('<p>诚信</p>', 'text/html'); // now the most recent
    cache.convert('<p>好人</p>', 'text/html');
    expect(cache.size).toBe(2);
  });

  it('keeps within its byte budget', () => {
    const cache = new ConversionCache(100, 45); // each entry costs 20 bytes (10 UTF-16 units)
    cache.convert('<p>诚信一</p>', 'text/html');
    cache.convert('<p>诚信二</p>', 'text/html');
    cache.convert('<p>诚信三</p>', 'text/html');
    expect(cache.size).toBeLessThan(3);
    expect(cache.convert('<p>诚信三</p>', 'text/html')).toBe('<p>誠信三</p>');
  });
});

describe('scriptRoute', () => {
  const base: ScriptRequest = { method: 'GET', pathname: '/credit', cookie: 'hant', inner: false, serverAction: false };

  it('converts public pages only in 繁體 mode', () => {
    expect(scriptRoute(base)).toBe('page');
    expect(scriptRoute({ ...base, pathname: '/' })).toBe('page');
    expect(scriptRoute({ ...base, pathname: '/news/abc' })).toBe('page');
    expect(scriptRoute({ ...base, pathname: '/_next/static/chunks/1_mct2k3z98wf.js' })).toBe('pass');
    expect(scriptRoute({ ...base, cookie: undefined })).toBe('pass');
    expect(scriptRoute({ ...base, cookie: 'hans' })).toBe('pass');
  });

  it('passes server actions, the inner request, HEAD and non-page routes through', () => {
    expect(scriptRoute({ ...base, method: 'POST', serverAction: true })).toBe('pass');
    expect(scriptRoute({ ...base, method: 'POST' })).toBe('pass');
    expect(scriptRoute({ ...base, method: 'HEAD' })).toBe('pass');
    expect(scriptRoute({ ...base, inner: true })).toBe('pass');
    for (const pathname of ['/admin', '/admin/news', '/login', '/api/health', '/api/script', '/media/a.webp', '/feed.xml', '/robots.txt', '/sitemap.xml', '/favicon.ico', '/_next/static/chunks/a.css', '/_next/image']) {
      expect(scriptRoute({ ...base, pathname }), pathname).toBe('pass');
    }
  });

});

describe('innerRequestHeaders', () => {
  it('keeps the visitor headers, asks for an uncompressed answer and marks the request', () => {
    const headers = new Headers({
      host: 'wenming.example',
      cookie: 'zh-script=hant; a=b',
      rsc: '1',
      'next-router-state-tree': '%5B%22%22%5D',
      'accept-encoding': 'gzip, br',
      'if-none-match': '"abc"',
      connection: 'keep-alive',
      'x-middleware-subrequest': 'x',
    });
    const out = innerRequestHeaders(headers);
    expect(out).toMatchObject({ host: 'wenming.example', cookie: 'zh-script=hant; a=b', rsc: '1', 'next-router-state-tree': '%5B%22%22%5D', 'accept-encoding': 'identity', [INNER_HEADER]: '1' });
    expect(out).not.toHaveProperty('if-none-match');
    expect(out).not.toHaveProperty('connection');
    expect(out).not.toHaveProperty('x-middleware-subrequest');
  });
});

describe('scriptSwitchTarget', () => {
  it('goes back to a page of this site', () => {
    expect(scriptSwitchTarget('/credit', null, 'x.test')).toBe('/credit');
    expect(scriptSwitchTarget('/news/%E6%96%87', null, 'x.test')).toBe('/news/%E6%96%87');
    expect(scriptSwitchTarget('/admin', null, 'x.test')).toBe('/admin');
  });

  it('refuses other sites and the switch itself', () => {
    expect(scriptSwitchTarget('//evil.example/x', null, 'x.test')).toBe('/');
    expect(scriptSwitchTarget('https://evil.example/', null, 'x.test')).toBe('/');
    expect(scriptSwitchTarget('/\\evil.example', null, 'x.test')).toBe('/');
    expect(scriptSwitchTarget('/api/script?to=hant', null, 'x.test')).toBe('/');
    expect(scriptSwitchTarget(null, null, 'x.test')).toBe('/');
  });

  it('takes the query from a same-site Referer of the same page', () => {
    expect(scriptSwitchTarget('/credit/red', 'http://x.test/credit/red?page=2', 'x.test')).toBe('/credit/red?page=2');
    expect(scriptSwitchTarget('/credit/red', 'http://x.test/news?page=2', 'x.test')).toBe('/credit/red');
    expect(scriptSwitchTarget('/credit/red', 'http://evil.example/credit/red?page=2', 'x.test')).toBe('/credit/red');
    expect(scriptSwitchTarget(null, 'http://x.test/search?q=%E8%AF%9A%E4%BF%A1', 'x.test')).toBe('/search?q=%E8%AF%9A%E4%BF%A1');
    expect(scriptSwitchTarget(null, 'http://evil.example/x', 'x.test')).toBe('/');
  });
});

describe('parseScript', () => {
  it('reads only hant as Traditional', () => {
    expect(parseScript('hant')).toBe('hant');
    expect(parseScript('hans')).toBe('hans');
    expect(parseScript(undefined)).toBe('hans');
    expect(parseScript('HANT')).toBe('hans');
  });
});

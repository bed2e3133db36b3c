import { describe, expect, it } from 'vitest';
import { DEDUPE_WINDOW_MS, isBot, parseArticleId, pendingViews, RecentVisits, recordView } from './view-counter';

const CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const WECHAT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN';
const MINUTE = 60_000;

describe('isBot', () => {
  it('recognises crawlers, scripts and headless browsers', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
      'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
      'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)',
      'curl/8.5.0',
      'Wget/1.21.4',
      'python-requests/2.32.3',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Go-http-client/1.1',
      'okhttp/4.12.0',
      '',
      '   ',
      null,
    ]) {
      expect(isBot(ua), String(ua)).toBe(true);
    }
  });

  it('lets ordinary browsers through', () => {
    expect(isBot(CHROME)).toBe(false);
    expect(isBot(WECHAT)).toBe(false);
    expect(isBot('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(false);
  });
});

describe('parseArticleId', () => {
  it('accepts plain positive 32-bit integers only', () => {
    expect(parseArticleId('1')).toBe(1);
    expect(parseArticleId('2147483647')).toBe(2_147_483_647);
    for (const bad of ['0', '-1', '01', '1.5', '1e3', '2147483648', '99999999999', 'abc', '', ' 1']) expect(parseArticleId(bad), bad).toBeNull();
  });
});

describe('RecentVisits', () => {
  it('counts a key once per window and again after it expires', () => {
    const visits = new RecentVisits(30 * MINUTE, 100);
    const t = 1_000_000;
    expect(visits.visit(['a'], t)).toBe(true);
    expect(visits.visit(['a'], t + 29 * MINUTE)).toBe(false);
    // A repeat does not extend the window: the next count comes 30 minutes after the first.
    expect(visits.visit(['a'], t + 30 * MINUTE + 1)).toBe(true);
    expect(visits.visit(['b'], t + 30 * MINUTE + 1)).toBe(true);
  });

  it('treats several keys as one visitor: any known key makes it a repeat', () => {
    const visits = new RecentVisits(30 * MINUTE, 100);
    expect(visits.visit(['ip:10.0.0.1', 'vid:new'], 0)).toBe(true);
    expect(visits.visit(['vid:new'], MINUTE)).toBe(false);
    expect(visits.visit(['ip:10.0.0.1', 'vid:other'], 2 * MINUTE)).toBe(false);
    // The key that joined later shares the running window instead of starting a new one.
    expect(visits.visit(['vid:other'], 30 * MINUTE)).toBe(true);
  });

  it('drops expired entries and never holds more than its maximum', () => {
    const visits = new RecentVisits(10, 3);
    for (let i = 0; i < 5; i++) visits.visit([`k${i}`], 0);
    expect(visits.size).toBe(3);
    // The oldest were evicted, so they count again; the newest are still remembered.
    expect(visits.visit(['k4'], 1)).toBe(false);
    expect(visits.visit(['k0'], 1)).toBe(true);
    visits.visit(['late'], 20);
    expect(visits.size).toBe(1);
  });
});

describe('recordView', () => {
  it('buffers one view per visitor and article, ignoring bots and invalid ids', () => {
    const now = Date.now();
    const before = pendingViews().get(7) ?? 0;
    expect(recordView({ articleId: 7, visitorKeys: ['vid:unit-a'], userAgent: CHROME, now })).toBe('counted');
    expect(recordView({ articleId: 7, visitorKeys: ['vid:unit-a'], userAgent: CHROME, now: now + MINUTE })).toBe('duplicate');
    expect(recordView({ articleId: 8, visitorKeys: ['vid:unit-a'], userAgent: CHROME, now })).toBe('counted');
    expect(recordView({ articleId: 7, visitorKeys: ['vid:unit-b'], userAgent: WECHAT, now })).toBe('counted');
    expect(recordView({ articleId: 7, visitorKeys: ['vid:unit-c'], userAgent: 'curl/8.5.0', now })).toBe('bot');
    expect(recordView({ articleId: 0, visitorKeys: ['vid:unit-c'], userAgent: CHROME, now })).toBe('invalid');
    expect(recordView({ articleId: 7, visitorKeys: [], userAgent: CHROME, now })).toBe('invalid');
    expect(recordView({ articleId: 7, visitorKeys: ['vid:unit-a'], userAgent: CHROME, now: now + DEDUPE_WINDOW_MS + 1 })).toBe('counted');
    expect(pendingViews().get(7)).toBe(before + 3);
  });
});

import { describe, expect, it } from 'vitest';
import { buildRss, escapeXml, newsRssItem, rfc822, type RssFeed } from './rss';

const feed = (items: RssFeed['items']): RssFeed => ({
  title: '江城文明网 · 文明动态',
  link: 'https://wenming.example.gov.cn/news',
  selfUrl: 'https://wenming.example.gov.cn/feed.xml',
  description: '最新资讯',
  items,
});

describe('escapeXml', () => {
  it('escapes the five XML specials and keeps Chinese text', () => {
    expect(escapeXml(`<a href="x">"志愿" & '文明'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&quot;志愿&quot; &amp; &apos;文明&apos;&lt;/a&gt;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
    expect(escapeXml('文明城市𠀀')).toBe('文明城市𠀀');
  });

  it('drops characters XML cannot carry: control characters and lone surrogates', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('行一\n行二\t\r')).toBe('行一\n行二\t\r');
  });
});

describe('rfc822', () => {
  it('formats in GMT as RSS readers expect', () => {
    expect(rfc822(new Date('2026-11-22T02:30:00Z'))).toBe('Sun, 22 Nov 2026 02:30:00 GMT');
  });
});

describe('buildRss', () => {
  const items = [
    { title: '旧文 <1>', link: 'https://wenming.example.gov.cn/news/1', guid: 'https://wenming.example.gov.cn/news/1', pubDate: new Date('2026-11-01T00:00:00Z'), description: 'A & B' },
    { title: '新文', link: 'https://wenming.example.gov.cn/news/x?a=1&b=2', guid: 'https://wenming.example.gov.cn/news/2', pubDate: new Date('2026-11-20T08:00:00Z'), description: '摘要', category: '志愿服务' },
  ];

  it('writes an RSS 2.0 channel with a self link and the newest date as lastBuildDate', () => {
    const xml = buildRss(feed(items));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain('<title>江城文明网 · 文明动态</title>');
    expect(xml).toContain('<language>zh-CN</language>');
    expect(xml).toContain('<lastBuildDate>Fri, 20 Nov 2026 08:00:00 GMT</lastBuildDate>');
    expect(xml).toContain('<atom:link href="https://wenming.example.gov.cn/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml.trimEnd().endsWith('</channel>\n</rss>')).toBe(true);
  });

  it('escapes every item field and keeps item order', () => {
    const xml = buildRss(feed(items));
    expect(xml.match(/<item>/g)).toHaveLength(2);
    expect(xml.indexOf('旧文')).toBeLessThan(xml.indexOf('新文'));
    expect(xml).toContain('<title>旧文 &lt;1&gt;</title>');
    expect(xml).toContain('<description>A &amp; B</description>');
    expect(xml).toContain('<link>https://wenming.example.gov.cn/news/x?a=1&amp;b=2</link>');
    expect(xml).toContain('<guid isPermaLink="true">https://wenming.example.gov.cn/news/2</guid>');
    expect(xml).toContain('<pubDate>Sun, 01 Nov 2026 00:00:00 GMT</pubDate>');
    expect(xml).toContain('<category>志愿服务</category>');
    expect(xml.match(/<category>/g)).toHaveLength(1);
    // No bare ampersand anywhere: every & starts an entity.
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });

  it('writes an empty channel without lastBuildDate', () => {
    const xml = buildRss(feed([]));
    expect(xml).not.toContain('<item>');
    expect(xml).not.toContain('lastBuildDate');
  });
});

describe('newsRssItem', () => {
  const article = { id: 42, title: '标题', summary: '摘要', publishedAt: new Date('2026-11-20T08:00:00Z'), channelName: '要闻' };

  it('links to the slug URL and keeps the id URL as the permanent guid', () => {
    expect(newsRssItem('https://wenming.example.gov.cn', { ...article, slug: 'volunteer-week' })).toEqual({
      title: '标题',
      link: 'https://wenming.example.gov.cn/news/volunteer-week',
      guid: 'https://wenming.example.gov.cn/news/42',
      pubDate: article.publishedAt,
      description: '摘要',
      category: '要闻',
    });
  });

  it('uses the id URL when there is no slug, and percent-encodes non-ASCII slugs', () => {
    expect(newsRssItem('http://localhost:3000', { ...article, slug: null }).link).toBe('http://localhost:3000/news/42');
    expect(newsRssItem('http://localhost:3000', { ...article, slug: '志愿' }).link).toBe('http://localhost:3000/news/%E5%BF%97%E6%84%BF');
  });
});

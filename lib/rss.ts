// RSS 2.0 documents for the news feeds. Pure: the routes fetch the articles and pass absolute URLs.
import { newsPath } from './routes';

export type RssItem = {
  title: string;
  link: string;
  /** A permanent URL of the item, stable even when its link changes. */
  guid: string;
  pubDate: Date;
  description: string;
  category?: string;
};

export type RssFeed = {
  title: string;
  /** The web page the feed belongs to. */
  link: string;
  /** The feed's own URL (atom:link rel="self"). */
  selfUrl: string;
  description: string;
  language?: string;
  items: RssItem[];
};

export const RSS_HEADERS = {
  'Content-Type': 'application/rss+xml; charset=utf-8',
  'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=600',
} as const;

// Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an XML element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** RFC 822 date as RSS wants it: `Sun, 22 Nov 2026 02:30:00 GMT`. */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${escapeXml(text)}</${name}>`;

function renderItem(item: RssItem): string {
  const parts = [
    element('title', item.title),
    element('link', item.link),
    element('guid', item.guid, ' isPermaLink="true"'),
    element('pubDate', rfc822(item.pubDate)),
    element('description', item.description),
  ];
  if (item.category) parts.push(element('category', item.category));
  return `    <item>\n      ${parts.join('\n      ')}\n    </item>`;
}

/** The whole RSS 2.0 document; lastBuildDate is the newest item's date. */
export function buildRss(feed: RssFeed): string {
  const newest = feed.items.reduce<Date | null>((latest, item) => (!latest || item.pubDate > latest ? item.pubDate : latest), null);
  const head = [
    element('title', feed.title),
    element('link', feed.link),
    element('description', feed.description),
    element('language', feed.language ?? 'zh-CN'),
    ...(newest ? [element('lastBuildDate', rfc822(newest))] : []),
    `<atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    ...head.map((line) => `    ${line}`),
    ...feed.items.map(renderItem),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/**
 * A public article as a feed item. The guid is the id URL, which redirects permanently to the slug URL,
 * so it stays the same if an editor changes the slug later.
 */
export function newsRssItem(
  origin: string,
  article: { id: number; slug: string | null; title: string; summary: string; publishedAt: Date | null; channelName: string },
): RssItem {
  return {
    title: article.title,
    link: new URL(newsPath(article), origin).href,
    guid: new URL(`/news/${article.id}`, origin).href,
    pubDate: article.publishedAt ?? new Date(0),
    description: article.summary,
    category: article.channelName,
  };
}

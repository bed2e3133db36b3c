// sitemap.xml: the public sections, news channels and every public article.
import type { MetadataRoute } from 'next';
import { getDb } from '@/db/client';
import { listPublicCreditBatches } from '@/db/queries/credit';
import { newsPath } from '@/db/queries/news';
import { absoluteUrl, siteOrigin } from '@/server/site-url';
import { publicNewsData } from '@/server/public-news';

// Built per request from the database: it must never be prerendered during `next build`.
export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin();
  const [channels, articles, creditBatches] = await Promise.all([publicNewsData.channels(), publicNewsData.sitemap(), getDb().then(listPublicCreditBatches)]);
  const page = (path: string, changeFrequency: 'daily' | 'weekly', priority: number) => ({ url: absoluteUrl(origin, path), changeFrequency, priority });
  return [
    page('/', 'daily', 1),
    page('/news', 'daily', 0.9),
    ...channels.map((channel) => page(`/news/channel/${channel.slug}`, 'daily', 0.7)),
    page('/good-people', 'weekly', 0.8),
    page('/credit', 'weekly', 0.8),
    // Lists and batches only: entry pages about people are not offered to crawlers, and an entry's
    // expiry then needs no sitemap change at all.
    page('/credit/red', 'weekly', 0.7),
    page('/credit/black', 'weekly', 0.7),
    page('/credit/batch', 'weekly', 0.5),
    ...creditBatches.map((batch) => ({ url: absoluteUrl(origin, `/credit/batch/${batch.id}`), lastModified: batch.publishedAt, changeFrequency: 'monthly' as const, priority: 0.5 })),
    ...articles.map((article) => ({ url: absoluteUrl(origin, newsPath(article)), lastModified: article.lastModified, changeFrequency: 'weekly' as const, priority: 0.6 })),
  ];
}

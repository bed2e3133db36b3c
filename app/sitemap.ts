// sitemap.xml: the home page, then each content domain's sections, lists and items (db/domains.ts).
import type { MetadataRoute } from 'next';
import { domainSitemaps } from '@/server/domains';
import { absoluteUrl, siteOrigin } from '@/server/site-url';

// Built per request from the database: it must never be prerendered during `next build`.
export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin();
  const parts = await Promise.all(domainSitemaps.map((entries) => entries()));
  return [
    { url: absoluteUrl(origin, '/'), changeFrequency: 'daily', priority: 1 },
    ...parts.flat().map(({ path, ...entry }) => ({ url: absoluteUrl(origin, path), ...entry })),
  ];
}

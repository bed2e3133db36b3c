// robots.txt: everything public may be crawled; the editors' area, sign-in and APIs may not.
import type { MetadataRoute } from 'next';
import { absoluteUrl, siteOrigin } from '@/server/site-url';

// The sitemap address follows SITE_URL as the server sees it (not the build), so this is rendered per request.
export const dynamic = 'force-dynamic';

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/login', '/api'] },
    sitemap: absoluteUrl(origin, '/sitemap.xml'),
  };
}

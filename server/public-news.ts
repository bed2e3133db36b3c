// The news reads of citizens' pages, cached under the 'news' tag (and 'news:<id>' per article).
// Editors' actions expire these tags with updateTag, so a published, edited or withdrawn article shows
// at once; `revalidate` bounds how late a scheduled article appears and how stale a view count is.
import * as news from '@/db/queries/news';
import { cachedQuery } from '@/server/cache/query-cache';
import { TAGS } from '@/server/cache/invalidate';

const NEWS = () => [TAGS.news];
const REVALIDATE = 60;

export const publicNewsData = {
  headlines: cachedQuery('news.headlines', news.listHeadlineNews, { tags: NEWS, revalidate: REVALIDATE }),
  count: cachedQuery('news.count', news.countPublicNews, { tags: NEWS, revalidate: REVALIDATE }),
  channels: cachedQuery('news.channels', news.listChannels, { tags: NEWS, revalidate: REVALIDATE }),
  channelBySlug: cachedQuery('news.channel', news.findChannelBySlug, { tags: NEWS, revalidate: REVALIDATE }),
  list: cachedQuery('news.list', news.listPublicNews, { tags: NEWS, revalidate: REVALIDATE }),
  byTag: cachedQuery('news.tag', news.listPublicNewsByTag, { tags: NEWS, revalidate: REVALIDATE }),
  article: cachedQuery('news.article', news.findPublicArticle, { tags: NEWS, revalidate: REVALIDATE }),
  adjacent: cachedQuery('news.adjacent', news.findAdjacentArticles, { tags: (a) => [TAGS.news, TAGS.article(a.id)], revalidate: REVALIDATE }),
  related: cachedQuery('news.related', news.listRelatedArticles, { tags: (a) => [TAGS.news, TAGS.article(a.id)], revalidate: REVALIDATE }),
  mostViewed: cachedQuery('news.mostViewed', news.listMostViewedNews, { tags: NEWS, revalidate: 300 }),
  feed: cachedQuery('news.feed', news.listFeedItems, { tags: NEWS, revalidate: REVALIDATE }),
};

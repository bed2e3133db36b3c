// 文明动态: articles in channels, written by editors and published after review.
import type { DomainDeclaration } from './types';

export const NEWS = {
  key: 'news',
  name: '文明动态',
  publicPrefix: '/news',
  adminPrefix: '/admin/news',
  nav: {
    public: [{ href: '/news', label: '文明动态' }],
    admin: [{ href: '/admin/news', label: '文明动态', permission: 'content.edit' }],
  },
  cacheTag: 'news',
  search: { tab: '文明动态' },
  audit: {
    actions: {
      'news.create': '新建文章',
      'news.update': '修改文章',
      'news.restore': '恢复文章版本',
      'news.submit': '提交审核',
      'news.approve': '审核通过并发布',
      'news.reject': '退回修改',
      'news.take_offline': '下线文章',
      'news.force_publish': '强制发布',
      'news.approve_override': '越权审核通过并发布（三审三校）',
      'news_channel.create': '新建栏目',
      'news_channel.update': '修改栏目',
      'news_channel.reorder': '调整栏目顺序',
      'news_channel.delete': '删除栏目',
    },
    entities: {
      news_article: '文章',
      news_channel: '栏目',
    },
    fields: {
      title: '标题',
      subtitle: '副标题',
      summary: '摘要',
      body: '正文',
      coverImage: '封面图',
      coverAlt: '封面图说明',
      source: '来源',
      author: '作者',
      editorName: '编审',
      tags: '标签',
      channelId: '栏目',
      slug: '网址别名',
      pinned: '置顶',
      'news_channel.name': '栏目名称',
      'news_channel.slug': '栏目网址',
    },
    values: {
      channelId: { ref: 'news_channel' },
      coverImage: { ref: 'media_key' },
    },
    refs: { news_article: 'news_article', news_channel: 'news_channel' },
  },
  rateLimits: {},
  dashboard: {
    review: { articles: { label: '文明动态', href: '/admin/news', filtered: true } },
  },
  publicPages: [
    { route: '/news', params: { page: 'page' } },
    { route: '/news/[slug]' },
    { route: '/news/channel/[channel]', params: { page: 'page' } },
    { route: '/news/tag/[tag]', params: { page: 'page' } },
  ],
} as const satisfies DomainDeclaration;

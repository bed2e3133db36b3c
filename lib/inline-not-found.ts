// Error pages with their message in the HTML. A page's notFound() or forbidden() (or an error thrown while
// its shell renders) makes Next.js answer with an empty document (<html id="__next_error__">): the message
// arrives only in the RSC payload, so readers without JavaScript and crawlers see a blank page
// (vercel/next.js#62228). Two remedies:
//  - public pages rendered for anonymous visitors: proxy.ts, which renders them over loopback anyway, asks
//    for the page once more with INLINE_NOT_FOUND_HEADER; the page (app/_components/page-not-found.tsx)
//    renders its not-found message as ordinary content, and the proxy sends that with status 404;
//  - every other such answer (signed-in visitors, the editors' pages, 403, 500): server/http/error-document.ts
//    puts the message of explainErrorDocument() into the document in a <noscript>, so that it shows exactly
//    when the script that would render it does not run.

import { isAdminPath } from './routes';

/**
 * The path of the request, set by proxy.ts on every request it passes to a page (a visitor's own value is
 * replaced): app/(public)/not-found.tsx words its message for it on the server.
 */
export const PATH_HEADER = 'x-civic-path';

/** Set only by proxy.ts on its own loopback requests; removed from visitors' requests. */
export const INLINE_NOT_FOUND_HEADER = 'x-civic-inline-not-found';

/** The document Next.js sends for an error thrown while rendering the page shell (notFound() included). */
export function isEmptyErrorDocument(html: string): boolean {
  return /^<!DOCTYPE html><html id="__next_error__"/i.test(html.slice(0, 200));
}

/** The admin 404's message (app/(admin)/admin/not-found.tsx), also given to readers without JavaScript. */
export const ADMIN_NOT_FOUND_TEXT = '该记录不存在、已被删除，或不在您的职责范围内。';
/** The admin 403's message (app/(admin)/admin/forbidden.tsx), also given to readers without JavaScript. */
export const FORBIDDEN_TEXT = '您的账号没有访问此页面的权限。如需开通，请联系管理员。';
/** A public page that is gone (app/_components/not-found-message.tsx), also given to readers without JavaScript. */
export const PAGE_GONE_TEXT = '您访问的页面可能已被移除、更名，或暂时不可用。';

type Notice = { title: string; text: string; links: readonly (readonly [href: string, label: string])[] };


/** What an error answer of `status` for `path` says (the same words as the page that JavaScript renders). */
export function errorNotice(status: number, path: string): Notice {
  const admin = isAdminPath(path);
  const home = admin ? (['/admin', '返回管理后台首页'] as const) : (['/', '返回首页'] as const);
  if (status === 404) {
    return admin ? { title: '页面不存在', text: ADMIN_NOT_FOUND_TEXT, links: [home] } : { title: '页面不存在', text: PAGE_GONE_TEXT, links: [home, ['/search', '站内搜索']] };
  }
  if (status === 403) return { title: '无权访问（403）', text: FORBIDDEN_TEXT, links: [home] };
  if (status === 401) return { title: '请先登录（401）', text: '请登录后再访问此页面。', links: [['/login', '登录']] };
  if (status >= 500) return { title: '页面暂时无法显示', text: '服务器处理请求时出现问题，请稍后重试。如问题持续，请联系网站管理员。', links: [home] };
  return { title: '无法显示此页面', text: '请求未能完成，请检查网址后重试。', links: [home] };
}

/** Marks the notice, so that a document gets one only. */
const NOTICE_MARK = 'data-error-notice';

/** Readable without the site's stylesheet (which only the script would load): large text, one column. */
const NOTICE_STYLE = 'max-width:36rem;margin:3rem auto;padding:0 1rem;font:1.125rem/1.75 system-ui,sans-serif;color:#1f2937';

/**
 * An empty error document with the message of its status in a <noscript> at the top of the body (and the page's
 * language on <html>); null for any other document, which is left as it is, and for one that has its notice
 * already (a 繁體 page: proxy.ts converts the loopback answer, notice included, and that answer passes the front
 * layer once more). The texts are fixed: nothing of the request is echoed.
 */
export function explainErrorDocument(html: string, status: number, path: string): string | null {
  if (!isEmptyErrorDocument(html) || html.includes(NOTICE_MARK)) return null;
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return null;
  const { title, text, links } = errorNotice(status, path);
  const linkHtml = links.map(([href, label]) => `<a href="${href}" style="margin-right:1.5rem">${label}</a>`).join('');
  const notice = `<noscript ${NOTICE_MARK}><main id="main" style="${NOTICE_STYLE}"><h1 style="font-size:1.5rem">${title}</h1><p>${text}</p><p>${linkHtml}</p></main></noscript>`;
  const at = body.index + body[0].length;
  const withNotice = html.slice(0, at) + notice + html.slice(at);
  return withNotice.replace(/^(<!DOCTYPE html><html id="__next_error__")(?![^>]*\blang=)/i, '$1 lang="zh-CN"');
}

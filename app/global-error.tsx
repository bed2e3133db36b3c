'use client';

// Last resort when the root layout itself fails: a self-contained page in Chinese.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1>网站暂时无法访问</h1>
        <p>服务器处理请求时出现问题，请稍后刷新重试。</p>
        {error.digest && <p>错误编号：{error.digest}</p>}
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full reload is the point when the root layout failed */}
          <a href="/">返回首页</a>
        </p>
      </body>
    </html>
  );
}

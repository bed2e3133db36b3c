import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listChannels } from '@/db/queries/news';
import { REFUSED_SIGNED_OUT } from '@/server/actions';
import { requirePageUser } from '@/server/auth';
import { FORM_KEYS, type ArticleFormValues } from '@/lib/article-input';
import { ArticleEditor } from '../article-editor';

export const metadata: Metadata = { title: '新建文章' };

const EMPTY = Object.fromEntries(FORM_KEYS.map((k) => [k, ''])) as ArticleFormValues;

export default async function NewArticlePage() {
  const user = await requirePageUser('content.edit', '/admin/news/new');
  const channels = await listChannels(await getDb());
  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/admin/news" className="hover:text-brand hover:underline">
          文明动态
        </Link>{' '}
        &rsaquo; 新建文章
      </nav>
      <h1 className="text-2xl font-bold">新建文章</h1>
      <p className="text-sm text-muted">先“保存草稿”，之后可以预览、自动保存、查看历史版本并提交审核。</p>
      <ArticleEditor
        mode="new"
        articleId={null}
        version={0}
        initial={EMPTY}
        channels={channels.map((c) => ({ id: c.id, name: c.name }))}
        canSubmit={false}
        recovered={null}
        presence={[]}
        userId={user.id}
        signedOutMessage={REFUSED_SIGNED_OUT}
        editUrl="/admin/news/new"
      />
    </div>
  );
}

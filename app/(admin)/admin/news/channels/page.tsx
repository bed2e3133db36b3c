import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listChannelsForAdmin } from '@/db/queries/news-admin';
import { requirePageUser } from '@/server/auth';
import { ChannelRowForms, CreateChannelForm } from './channel-forms';

export const metadata: Metadata = { title: '栏目管理' };

export default async function ChannelsPage() {
  await requirePageUser('settings.manage', '/admin/news/channels');
  const channels = await listChannelsForAdmin(await getDb());
  return (
    <div className="space-y-6">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/admin/news" className="hover:text-brand hover:underline">
          文明动态
        </Link>{' '}
        &rsaquo; 栏目管理
      </nav>
      <h1 className="text-2xl font-bold">栏目管理</h1>
      <section aria-labelledby="new-channel" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="new-channel" className="mb-3 font-bold">
          添加栏目
        </h2>
        <CreateChannelForm />
      </section>
      <section aria-labelledby="channel-list" className="space-y-3">
        <h2 id="channel-list" className="font-bold">
          全部栏目（{channels.length}），按显示顺序
        </h2>
        {channels.map((channel, i) => (
          <article key={channel.id} aria-label={channel.name} className="rounded-lg bg-white p-4 shadow-sm">
            <header className="mb-2 flex flex-wrap items-baseline gap-x-3">
              <h3 className="text-lg font-bold">{channel.name}</h3>
              <span className="font-mono text-sm text-muted">/news/channel/{channel.slug}</span>
              <span className="text-sm text-muted">{channel.articleCount} 篇文章</span>
            </header>
            <ChannelRowForms channel={channel} first={i === 0} last={i === channels.length - 1} />
          </article>
        ))}
      </section>
    </div>
  );
}

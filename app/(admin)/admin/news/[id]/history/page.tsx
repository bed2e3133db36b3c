import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { forbidden, notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listChannels } from '@/db/queries/news';
import { findArticleForEdit, findRevision, listRevisions, snapshotOf } from '@/db/queries/news-admin';
import type { ArticleSnapshot } from '@/db/schema';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { diffSnapshots } from '@/lib/diff';
import { inputClass } from '../../../../../_components/form-fields';
import { editRefusal, mayView, parseArticleId } from '../../access';
import { DiffView } from '../../diff-view';
import { RestoreButton } from './restore-button';

export const metadata: Metadata = { title: '历史版本' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const versionParam = (value: string | string[] | undefined) => {
  const v = Array.isArray(value) ? value[0] : value;
  return v && /^\d{1,9}$/.test(v) ? Number(v) : null;
};

export default async function HistoryPage({ params, searchParams }: Props) {
  const id = parseArticleId((await params).id);
  if (!id) notFound();
  const query = await searchParams;
  const user = await requirePageUser('content.edit', `/admin/news/${id}/history`);
  const db = await getDb();
  const article = await findArticleForEdit(db, id);
  if (!article) notFound();
  if (!mayView(user, article)) forbidden();
  const [revisions, channels] = await Promise.all([listRevisions(db, id), listChannels(db)]);
  const versions = revisions.map((r) => r.version);
  const canRestore = editRefusal(user, article) === null;

  // ?compare=N&base=M (from a refused save): what changed from M to N; else ?a=&b=, else the last change.
  const newer = versionParam(query.compare) ?? versionParam(query.b) ?? article.version;
  const older = versionParam(query.base) ?? versionParam(query.a) ?? versions.find((v) => v < newer) ?? null;

  async function snapshotAt(version: number): Promise<ArticleSnapshot | null> {
    const revision = await findRevision(db, id!, version);
    if (revision) return revision.snapshot;
    return version === article!.version ? snapshotOf(article!) : null;
  }
  const [a, b] = await Promise.all([older ? snapshotAt(older) : null, snapshotAt(newer)]);
  const names = (channelId: number) => channels.find((c) => c.id === channelId)?.name ?? `栏目${channelId}`;
  const options = versions.length > 0 ? versions : [article.version];

  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/admin/news" className="hover:text-brand hover:underline">
          文明动态
        </Link>{' '}
        &rsaquo;{' '}
        <Link href={`/admin/news/${id}`} className="hover:text-brand hover:underline">
          {article.title}
        </Link>{' '}
        &rsaquo; 历史版本
      </nav>
      <h1 className="text-2xl font-bold">历史版本</h1>
      <p className="text-sm text-muted">当前为版本 {article.version}。每次保存都会留下一个版本；“恢复此版本”会把旧版本的内容保存为一个新版本，不会删除任何版本。</p>

      <form method="get" aria-label="选择要比较的版本" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="compare-a" className="block text-sm font-medium">
            旧版本
          </label>
          <select id="compare-a" name="a" defaultValue={older ?? ''} className={inputClass}>
            {options.map((v) => (
              <option key={v} value={v}>
                版本 {v}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="compare-b" className="block text-sm font-medium">
            新版本
          </label>
          <select id="compare-b" name="b" defaultValue={newer} className={inputClass}>
            {options.map((v) => (
              <option key={v} value={v}>
                版本 {v}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
          比较所选版本
        </button>
      </form>

      <section aria-labelledby="diff-heading" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="diff-heading" className="font-bold">
          {older ? `版本 ${older} → 版本 ${newer} 的差异` : `版本 ${newer}`}
        </h2>
        {!b ? (
          <p className="text-sm text-muted">没有版本 {newer} 的记录。</p>
        ) : !a ? (
          <p className="text-sm text-muted">{older ? `没有版本 ${older} 的记录。` : '这是第一个版本，没有更早的版本可比较。'}</p>
        ) : (
          <DiffView diffs={diffSnapshots(a, b, names)} older={`版本 ${older}`} newer={`版本 ${newer}`} />
        )}
      </section>

      <section aria-labelledby="revisions-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="revisions-heading" className="mb-2 font-bold">
          全部版本
        </h2>
        {revisions.length === 0 ? (
          <p className="text-sm text-muted">此文章还没有保存记录（导入的内容在第一次保存时记为版本 {article.version}）。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="border-b border-line bg-canvas">
                <tr>
                  {['版本', '保存人', '时间', '说明', '操作'].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr key={r.version} className="border-b border-line align-top last:border-0">
                    <td className="px-3 py-2 whitespace-nowrap">
                      版本 {r.version}
                      {r.version === article.version && '（当前）'}
                    </td>
                    <td className="px-3 py-2">{r.savedByName}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
                    <td className="px-3 py-2">{r.note ?? ''}</td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-2">
                        {r.version > 1 && (
                          <Link href={`/admin/news/${id}/history?a=${versions.find((v) => v < r.version) ?? r.version - 1}&b=${r.version}`} className="rounded border border-line px-3 py-2 hover:border-brand">
                            与上一版本比较
                          </Link>
                        )}
                        {canRestore && r.version !== article.version && <RestoreButton articleId={id} currentVersion={article.version} revision={r.version} />}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

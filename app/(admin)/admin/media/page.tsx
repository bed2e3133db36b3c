import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { listMedia } from '@/db/queries/media';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { formatBytes, mediaSrcSet, mediaUrl, pickVariant } from '@/lib/media-url';
import { NoResults } from '../../../_components/admin-filters';
import { Pagination, pageParam } from '../../../_components/pagination';
import { MediaRowForms, UploadMediaForm } from './media-forms';

export const metadata: Metadata = { title: '媒体库' };

const PAGE_SIZE = 24;

export default async function MediaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('media.upload', '/admin/media');
  const page = pageParam((await searchParams).page);
  const { rows, total } = await listMedia(await getDb(), page, PAGE_SIZE);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">媒体库</h1>
      <section aria-labelledby="upload" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="upload" className="mb-3 font-bold">
          上传图片
        </h2>
        <UploadMediaForm />
      </section>
      <section aria-labelledby="library" className="space-y-3">
        <h2 id="library" className="font-bold">
          全部图片（{total}）
        </h2>
        {rows.length === 0 ? (
          <NoResults>{page > 1 ? '这一页没有图片。' : '还没有上传图片。'}</NoResults>
        ) : (
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {rows.map((asset) => {
              const thumb = pickVariant(asset.variants, 320);
              return (
                <li key={asset.id} className="rounded-lg bg-white p-3 shadow-sm">
                  <article aria-label={asset.originalName} className="space-y-3">
                    <a href={mediaUrl(asset.storageKey, pickVariant(asset.variants, 1600)?.width ?? 320)} className="block bg-canvas">
                      {/* eslint-disable-next-line @next/next/no-img-element -- already WebP sizes made by sharp; the optimizer would only re-encode them */}
                      <img
                        src={mediaUrl(asset.storageKey, thumb?.width ?? 320)}
                        srcSet={mediaSrcSet(asset.storageKey, asset.variants)}
                        sizes="(min-width: 1024px) 400px, (min-width: 640px) 50vw, 100vw"
                        alt={asset.alt}
                        width={thumb?.width}
                        height={thumb?.height}
                        loading="lazy"
                        className="mx-auto h-48 w-full object-contain"
                      />
                    </a>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                      <dt className="text-muted">文件</dt>
                      <dd className="break-all">{asset.originalName}</dd>
                      <dt className="text-muted">尺寸</dt>
                      <dd>
                        {asset.width} × {asset.height}，原文件 {formatBytes(asset.bytes)}
                      </dd>
                      <dt className="text-muted">上传</dt>
                      <dd>
                        {asset.uploaderName ?? '—'}，{formatDateTime(asset.createdAt)}
                      </dd>
                    </dl>
                    <MediaRowForms asset={{ id: asset.id, alt: asset.alt, originalName: asset.originalName }} />
                  </article>
                </li>
              );
            })}
          </ul>
        )}
        <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(n) => `/admin/media?page=${n}`} />
      </section>
    </div>
  );
}

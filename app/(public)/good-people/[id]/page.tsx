import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findVisiblePerson, listApprovedComments } from '@/db/queries/people';
import { cityDay, formatDateTime } from '@/lib/dates';
import { paragraphsOf, termName } from '@/lib/people-public';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { CommentForm } from '../../../_components/good-people/comment-form';
import { LikeButton } from '../../../_components/good-people/like-button';
import { PersonPhoto } from '../../../_components/good-people/person-photo';
import { PageNotFound } from '../../../_components/page-not-found';
import { ReportButton } from '../../../_components/good-people/report-button';
import { Pagination, pageParam } from '../../../_components/pagination';
import { ShareBox } from '../../../_components/share-box';
import { ViewBeacon } from '../../../_components/view-beacon';
import { absoluteUrl, siteOrigin } from '@/server/site-url';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cpage?: string | string[] }> };

const COMMENTS_PER_PAGE = 10;

// Public people always; a batch's candidates only while its voting window is open; everything else 404.
const load = cache(async (id: string) => (/^[1-9]\d{0,8}$/.test(id) ? findVisiblePerson(await getDb(), Number(id)) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await load((await params).id);
  if (!person) return { title: '页面不存在' };
  // A candidate's page lives only for the voting window: search engines should not keep it.
  return { title: `${person.name} - 好人榜`, description: person.deed, ...(person.candidate ? { robots: { index: false } } : {}) };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const person = await load((await params).id);
  if (!person) return <PageNotFound kind="person" />;
  const page = pageParam((await searchParams).cpage);
  const comments = await listApprovedComments(await getDb(), person.id, page, COMMENTS_PER_PAGE);
  const thisYear = Number(cityDay().slice(0, 4));
  const facts: [string, string | null][] = [
    ['类别', person.category],
    ['级别', person.level === '道德模范' && person.term ? `${termName(person.term)}道德模范` : person.level],
    ['性别', person.gender],
    ['年龄', person.birthYear ? `${thisYear - person.birthYear}岁（${person.birthYear}年出生）` : null],
    ['地区', person.region],
    ['单位', person.unit],
  ];
  return (
    <article className="mx-auto max-w-4xl rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <Breadcrumb
        trail={[
          { href: '/good-people', label: '好人榜' },
          ...(person.candidate ? [{ href: '/good-people/vote', label: '点赞评议' }] : []),
          ...(person.batchMonth && person.batchTitle ? [{ href: `/good-people/batch/${person.batchMonth}`, label: person.batchTitle }] : []),
        ]}
      />
      <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-start">
        {person.photo && (
          <figure className="w-full shrink-0 sm:w-56">
            <PersonPhoto
              photo={person.photo}
              variants={person.photoVariants}
              alt={person.photoAlt || person.name}
              describedAlt={person.photoAlt}
              sizes="(min-width: 640px) 14rem, 100vw"
              width={800}
              priority
              className="aspect-[4/3] w-full rounded object-cover"
            />
            {person.photoAlt && (
              <figcaption aria-hidden="true" className="mt-1 text-xs text-muted">
                {person.photoAlt}
              </figcaption>
            )}
          </figure>
        )}
        <div className="min-w-0 flex-1">
          {person.candidate && <p className="mb-2 inline-block rounded bg-brand px-2 py-0.5 text-sm text-white">候选人·点赞评议中</p>}
          <h1 className="text-3xl font-bold">{person.name}</h1>
          <p className="mt-3 rounded bg-brand-soft p-3 text-lg text-brand">{person.deed}</p>
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt className="text-muted">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        {person.batchMonth && (
          <div>
            <dt className="text-muted">榜单</dt>
            <dd className="font-medium">
              <Link href={`/good-people/batch/${person.batchMonth}`} className="text-brand hover:underline">
                {person.batchTitle}
              </Link>
            </dd>
          </div>
        )}
      </dl>
      <div className="mt-4">
        <LikeButton personId={person.id} name={person.name} likeCount={person.likeCount} />
      </div>
      {paragraphsOf(person.story).length > 0 && (
        <section aria-labelledby="story" className="mt-6">
          <h2 id="story" className="mb-2 border-l-4 border-brand pl-2 text-lg font-bold">
            事迹
          </h2>
          <div className="space-y-3 text-lg leading-8">
            {paragraphsOf(person.story).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        </section>
      )}
      {person.honors && (
        <section aria-labelledby="honors" className="mt-6">
          <h2 id="honors" className="mb-2 border-l-4 border-brand pl-2 text-lg font-bold">
            所获荣誉
          </h2>
          <p>{person.honors}</p>
        </section>
      )}
      <ShareBox url={absoluteUrl(await siteOrigin(), `/good-people/${person.id}`)} heading="分享本页" qrLabel="本页地址的二维码" />
      <section aria-labelledby="comments" id="comment-list" className="mt-8">
        <h2 id="comments" className="mb-3 border-l-4 border-brand pl-2 text-lg font-bold">
          网友评论（{comments.total}）
        </h2>
        {comments.rows.length === 0 ? (
          <p className="text-sm text-muted">还没有评论。</p>
        ) : (
          <ol className="divide-y divide-line">
            {comments.rows.map((c) => (
              <li key={c.id} className="py-3">
                <div className="flex flex-wrap items-center gap-x-3 text-sm text-muted">
                  <span className="font-medium text-ink">{c.nickname}</span>
                  <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
                  <ReportButton commentId={c.id} nickname={c.nickname} />
                </div>
                <p className="mt-1 whitespace-pre-line">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        <Pagination page={page} total={comments.total} pageSize={COMMENTS_PER_PAGE} href={(n) => `/good-people/${person.id}?cpage=${n}#comment-list`} />
      </section>
      <section aria-labelledby="comment-form" className="mt-8">
        <h2 id="comment-form" className="mb-3 border-l-4 border-brand pl-2 text-lg font-bold">
          发表评论
        </h2>
        <CommentForm personId={person.id} />
      </section>
      <ViewBeacon url={`/api/good-people/${person.id}/view`} />
    </article>
  );
}

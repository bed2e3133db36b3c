import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { countPublicCreditByList, findLatestPublicCreditBatch, listPublicEntriesOfBatch } from '@/db/queries/credit';
import { newsPath } from '@/db/queries/news';
import { countPublicPeople, findLatestPublicBatch, listPublicPeopleOfBatch } from '@/db/queries/people';
import { getSetting } from '@/db/queries/settings';
import { formatDay } from '@/lib/dates';
import { isIllustration, MediaImage } from '../_components/media-image';
import { Section } from '../_components/section';
import { publicNewsData } from '@/server/public-news';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const info = await getSetting(await getDb(), 'siteInfo');
  return { title: { absolute: `${info.siteName} - ${info.city}创建全国文明城市` } };
}

export default async function HomePage() {
  const db = await getDb();
  const [headlines, newsCount, batch, peopleCount, creditBatch, creditCounts] = await Promise.all([
    publicNewsData.headlines(9),
    publicNewsData.count(),
    findLatestPublicBatch(db),
    countPublicPeople(db),
    findLatestPublicCreditBatch(db),
    countPublicCreditByList(db),
  ]);
  const [people, red, black] = await Promise.all([
    batch ? listPublicPeopleOfBatch(db, batch.id, 8) : [],
    creditBatch ? listPublicEntriesOfBatch(db, creditBatch.id, 'red', 5) : [],
    creditBatch ? listPublicEntriesOfBatch(db, creditBatch.id, 'black', 5) : [],
  ]);
  const [lead, ...rest] = headlines;

  return (
    <div className="space-y-6">
      <h1 className="sr-only">首页</h1>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Section title="文明动态" moreHref="/news" id="home-news">
          {lead ? (
            <div>
              {/* 焦点图: the lead article's picture, the page's largest element, so it loads first. */}
              <Link href={newsPath(lead)} className="block overflow-hidden rounded bg-brand-soft hover:underline">
                {lead.coverImage && (
                  <div className="relative">
                    <MediaImage
                      storageKey={lead.coverImage}
                      variants={lead.coverVariants}
                      alt={lead.coverAlt ?? ''}
                      sizes="(min-width: 1024px) 24rem, 100vw"
                      width={800}
                      priority
                      className="aspect-[16/9] w-full object-cover"
                    />
                    {isIllustration(lead.coverAlt) && (
                      <small aria-hidden="true" className="absolute right-2 bottom-2 rounded bg-black/60 px-1.5 text-xs leading-5 text-white">
                        示意图
                      </small>
                    )}
                  </div>
                )}
                <span className="block p-3">
                  <span className="text-lg font-bold text-ink">{lead.title}</span>
                  <span className="mt-1 line-clamp-2 block text-sm text-muted">{lead.summary}</span>
                </span>
              </Link>
              <ul className="mt-3 divide-y divide-line">
                {rest.map((item) => (
                  <li key={item.id} className="flex items-baseline justify-between gap-3 py-2">
                    <Link href={newsPath(item)} className="min-w-0 truncate hover:text-brand hover:underline">
                      {item.pinned && <span className="mr-1 rounded bg-brand px-1 text-xs text-white">置顶</span>}
                      {item.title}
                    </Link>
                    {item.publishedAt && <time className="shrink-0 text-sm text-muted">{formatDay(item.publishedAt).slice(5)}</time>}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-muted">暂无新闻。</p>
          )}
        </Section>

        <Section title={batch ? batch.title : '好人榜'} moreHref="/good-people" id="home-people">
          {people.length > 0 ? (
            <ul className="space-y-3">
              {people.map((person) => (
                <li key={person.id}>
                  <Link href={`/good-people/${person.id}`} className="group flex gap-3">
                    {person.photo && (
                      <MediaImage
                        storageKey={person.photo}
                        variants={person.photoVariants}
                        alt=""
                        sizes="4rem"
                        width={320}
                        largest={320}
                        className="aspect-square size-16 shrink-0 rounded object-cover"
                      />
                    )}
                    <span className="min-w-0">
                      <span className="font-bold group-hover:text-brand group-hover:underline">{person.name}</span>
                      <span className="ml-2 rounded bg-brand-soft px-1.5 text-xs text-brand">{person.category}</span>
                      <span className="mt-0.5 line-clamp-2 block text-sm text-muted">{person.deed}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">本期榜单尚未发布。</p>
          )}
        </Section>

        <Section title={creditBatch ? `诚信红黑榜 ${creditBatch.title}` : '诚信红黑榜'} moreHref="/credit" id="home-credit">
          {creditBatch ? (
            <div className="space-y-4">
              <CreditList title="守信红榜" entries={red} tone="text-red-list" />
              <CreditList title="失信黑榜" entries={black} tone="text-black-list" />
            </div>
          ) : (
            <p className="text-muted">暂无公示批次。</p>
          )}
        </Section>
      </div>

      <section aria-labelledby="home-counters" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="home-counters" className="sr-only">
          数据统计
        </h2>
        <dl className="grid grid-cols-2 gap-4 text-center sm:grid-cols-4">
          <Counter label="文明动态" value={newsCount} unit="篇" />
          <Counter label="上榜好人" value={peopleCount} unit="人" />
          <Counter label="守信红榜公示" value={creditCounts.red} unit="条" />
          <Counter label="失信黑榜公示" value={creditCounts.black} unit="条" />
        </dl>
      </section>
    </div>
  );
}

function Counter({ label, value, unit }: { label: string; value: number; unit: string }) {
  return (
    <div>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-2xl font-bold text-brand">
        {value.toLocaleString('zh-CN')}
        <span className="ml-1 text-sm font-normal text-muted">{unit}</span>
      </dd>
    </div>
  );
}

function CreditList({ title, entries, tone }: { title: string; entries: { id: number; name: string; category: string }[]; tone: string }) {
  return (
    <div>
      <h3 className={`mb-1 font-bold ${tone}`}>{title}</h3>
      {entries.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {entries.map((entry) => (
            <li key={entry.id} className="flex justify-between gap-2">
              <Link href={`/credit/${entry.id}`} className="min-w-0 truncate hover:text-brand hover:underline">
                {entry.name}
              </Link>
              <span className="shrink-0 text-muted">{entry.category}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">本期暂无。</p>
      )}
    </div>
  );
}

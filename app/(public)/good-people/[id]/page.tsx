import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findPublicPerson } from '@/db/queries/people';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  return /^\d{1,9}$/.test(id) ? findPublicPerson(await getDb(), Number(id)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await load((await params).id);
  return person ? { title: `${person.name} - 好人榜`, description: person.deed } : { title: '页面不存在' };
}

const TERM_NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export default async function PersonPage({ params }: Props) {
  const person = await load((await params).id);
  if (!person) notFound();
  const facts: [string, string | null][] = [
    ['类别', person.category],
    ['级别', person.level === '道德模范' && person.term ? `第${TERM_NAMES[person.term] ?? person.term}届道德模范` : person.level],
    ['性别', person.gender],
    ['出生年份', person.birthYear ? `${person.birthYear}年` : null],
    ['地区', person.region],
    ['单位', person.unit],
  ];
  return (
    <article className="mx-auto max-w-4xl rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/good-people" className="hover:text-brand">
          好人榜
        </Link>
        {person.batchMonth && (
          <>
            {' '}
            &rsaquo;{' '}
            <Link href={`/good-people/batch/${person.batchMonth}`} className="hover:text-brand">
              {person.batchTitle}
            </Link>
          </>
        )}
      </nav>
      <h1 className="mt-4 text-3xl font-bold">{person.name}</h1>
      <p className="mt-3 rounded bg-brand-soft p-3 text-lg text-brand">{person.deed}</p>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt className="text-muted">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
      </dl>
      <section aria-labelledby="story" className="mt-6">
        <h2 id="story" className="mb-2 border-l-4 border-brand pl-2 text-lg font-bold">
          事迹
        </h2>
        <div className="space-y-3 text-lg leading-8">
          {person.story.split(/\n\s*\n/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      </section>
      {person.honors && (
        <section aria-labelledby="honors" className="mt-6">
          <h2 id="honors" className="mb-2 border-l-4 border-brand pl-2 text-lg font-bold">
            所获荣誉
          </h2>
          <p>{person.honors}</p>
        </section>
      )}
      <p className="mt-6 text-sm text-muted">点赞 {person.likeCount}</p>
    </article>
  );
}

import Link from 'next/link';
import { getDb } from '@/db/client';
import { listPublicBatches, listPublicPeopleCards } from '@/db/queries/people';
import { goodPersonCategory } from '@/db/schema';
import { PersonCard } from './person-card';

/** A monthly 好人榜 grouped by the five categories, with the archive of months beside it. */
export async function PeopleBatchPage({ batch, heading }: { batch: { id: number; month: string; title: string } | null; heading: string }) {
  const db = await getDb();
  const [people, batches, models] = await Promise.all([
    batch ? listPublicPeopleCards(db, { batchId: batch.id }) : [],
    listPublicBatches(db),
    listPublicPeopleCards(db, { level: '道德模范' }),
  ]);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-4">
      <div className="space-y-6 lg:col-span-3">
        <h1 className="text-2xl font-bold text-brand">{heading}</h1>
        {!batch && <p className="rounded-lg bg-white p-6 text-muted">榜单尚未发布。</p>}
        {goodPersonCategory.enumValues.map((category) => {
          const group = people.filter((p) => p.category === category);
          if (group.length === 0) return null;
          return (
            <section key={category} aria-labelledby={`cat-${category}`}>
              <h2 id={`cat-${category}`} className="mb-2 border-l-4 border-brand pl-2 text-lg font-bold">
                {category}
              </h2>
              <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
                {group.map((person) => (
                  <PersonCard key={person.id} person={person} />
                ))}
              </ul>
            </section>
          );
        })}
        {models.length > 0 && (
          <section aria-labelledby="models">
            <h2 id="models" className="mb-2 border-l-4 border-brand pl-2 text-lg font-bold">
              道德模范
            </h2>
            <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {models.map((person) => (
                <PersonCard key={person.id} person={person} />
              ))}
            </ul>
          </section>
        )}
      </div>
      <aside aria-labelledby="archive" className="h-fit rounded-lg bg-white p-4 shadow-sm">
        <h2 id="archive" className="mb-2 font-bold text-brand">
          往期榜单
        </h2>
        <ul className="space-y-1 text-sm">
          {batches.map((b) => (
            <li key={b.id}>
              <Link href={`/good-people/batch/${b.month}`} aria-current={b.id === batch?.id ? 'page' : undefined} className="hover:text-brand hover:underline">
                {b.title}
              </Link>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}

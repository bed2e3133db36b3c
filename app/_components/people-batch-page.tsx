import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { listPublicBatches, listPublicModels, listPublicPeopleCards } from '@/db/queries/people';
import { termName } from '@/lib/people-public';
import { Breadcrumb, type Crumb } from './breadcrumb';
import { PersonCard } from './person-card';
import { GOOD_PERSON_CATEGORIES } from '@/lib/enums';

/** A monthly 好人榜 grouped by the five categories, the 道德模范 by 届, and the archive of months beside it. */
export async function PeopleBatchPage({ batch, heading, intro, trail = [{ label: '好人榜' }] }: { batch: { id: number; month: string; title: string } | null; heading: string; intro?: React.ReactNode; trail?: Crumb[] }) {
  const db = await getDb();
  const [people, models] = await Promise.all([batch ? listPublicPeopleCards(db, { batchId: batch.id }) : [], listPublicModels(db)]);
  const terms = [...new Set(models.map((m) => m.term))];
  return (
    <PeopleLayout current={batch?.id}>
      <Breadcrumb trail={trail} />
      <h1 className="text-2xl font-bold text-brand">{heading}</h1>
      {intro}
      {!batch && <p className="rounded-lg bg-white p-6 text-muted">榜单尚未发布。</p>}
      {GOOD_PERSON_CATEGORIES.map((category) => {
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
        <section aria-labelledby="models" className="space-y-3">
          <h2 id="models" className="border-l-4 border-brand pl-2 text-lg font-bold">
            道德模范
          </h2>
          {terms.map((term) => (
            <section key={term ?? 'none'} aria-labelledby={`term-${term ?? 'none'}`}>
              <h3 id={`term-${term ?? 'none'}`} className="mb-2 font-bold text-brand">
                {term ? `${termName(term)}道德模范` : '其他道德模范'}
              </h3>
              <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
                {models
                  .filter((m) => m.term === term)
                  .map((person) => (
                    <PersonCard key={person.id} person={person} />
                  ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </PeopleLayout>
  );
}

/** How many months the archive beside a batch lists; /good-people/batch has them all. */
const ARCHIVE_MONTHS = 12;

/** The 好人榜 page frame: content on the left, the newest published months on the right. */
export async function PeopleLayout({ current, children }: { current?: number; children: React.ReactNode }) {
  // One more than shown tells whether older months exist. Years of monthly lists would otherwise be a link each on
  // every 好人榜 page (244 at the scale set: most of the page).
  const listed = await listPublicBatches(await getDb(), ARCHIVE_MONTHS + 1);
  const batches = listed.slice(0, ARCHIVE_MONTHS);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-4">
      <div className="min-w-0 space-y-6 lg:col-span-3">{children}</div>
      <aside aria-labelledby="archive" className="h-fit rounded-lg bg-white p-4 shadow-sm">
        <h2 id="archive" className="mb-2 font-bold text-brand">
          往期榜单
        </h2>
        <ul className="space-y-1 text-sm">
          {batches.map((b) => (
            <li key={b.id}>
              <Link href={`/good-people/batch/${b.month}`} aria-current={b.id === current ? 'page' : undefined} className="hover:text-brand hover:underline">
                {b.title}
              </Link>
            </li>
          ))}
        </ul>
        {listed.length > ARCHIVE_MONTHS && (
          <p className="mt-2 text-sm">
            <Link href="/good-people/batch" className="text-brand underline">
              更早的榜单：全部往期
            </Link>
          </p>
        )}
      </aside>
    </div>
  );
}

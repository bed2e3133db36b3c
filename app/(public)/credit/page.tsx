import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { countPublicCreditByCategory, findLatestPublicCreditBatch, listPublicEntriesOfBatch } from '@/db/queries/credit';
import { CreditEntryTable } from '../../_components/credit-entry-table';
import { Section } from '../../_components/section';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '诚信红黑榜' };

export default async function CreditPage() {
  const db = await getDb();
  const [categories, batch] = await Promise.all([countPublicCreditByCategory(db), findLatestPublicCreditBatch(db)]);
  const [red, black] = batch
    ? await Promise.all([listPublicEntriesOfBatch(db, batch.id, 'red', 20), listPublicEntriesOfBatch(db, batch.id, 'black', 20)])
    : [[], []];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">诚信红黑榜</h1>
      <p className="text-muted">
        守信红榜褒扬诚信经营、守信践诺的单位和个人；失信黑榜依法公示失信主体。公示期满的信息自动停止公示；对公示信息有异议，或已完成信用修复的，可依法申请更正或移出。
      </p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {(['red', 'black'] as const).map((list) => (
          <section key={list} aria-labelledby={`counts-${list}`} className="rounded-lg bg-white p-4 shadow-sm">
            <h2 id={`counts-${list}`} className={`mb-2 font-bold ${list === 'red' ? 'text-red-list' : 'text-black-list'}`}>
              {list === 'red' ? '守信红榜' : '失信黑榜'}（公示中）
            </h2>
            <ul className="grid grid-cols-2 gap-2 text-sm">
              {categories
                .filter((c) => c.list === list)
                .map((c) => (
                  <li key={c.id} className="flex justify-between rounded bg-canvas px-3 py-2">
                    <span>{c.name}</span>
                    <span className="font-bold">{c.n}</span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      {batch && (
        <>
          <Section title={`守信红榜 · ${batch.title}`} id="batch-red">
            <CreditEntryTable entries={red} caption={`守信红榜 ${batch.title}`} />
          </Section>
          <Section title={`失信黑榜 · ${batch.title}`} id="batch-black">
            <CreditEntryTable entries={black} caption={`失信黑榜 ${batch.title}`} />
          </Section>
        </>
      )}
    </div>
  );
}

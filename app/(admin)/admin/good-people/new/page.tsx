import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listOpenBatches } from '@/db/queries/people-admin/batches';
import { requirePageUser } from '@/server/auth';
import { PersonForm } from '../person-form';
import { PERSON_FORM_KEYS, type PersonFormValues } from '@/lib/person-input';

export const metadata: Metadata = { title: '新建人物' };
export const dynamic = 'force-dynamic';

export default async function NewPersonPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('content.edit', '/admin/good-people/new');
  const batches = await listOpenBatches(await getDb());
  const batch = (await searchParams).batch;
  const initial = { ...Object.fromEntries(PERSON_FORM_KEYS.map((k) => [k, ''])), category: '助人为乐', level: '身边好人' } as PersonFormValues;
  // Opened from a batch page (“在此榜单新建人物”): that batch is preselected.
  if (typeof batch === 'string' && batches.some((b) => String(b.id) === batch)) initial.batchId = batch;
  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/admin/good-people" className="hover:text-brand hover:underline">
          好人榜
        </Link>{' '}
        &rsaquo; 新建人物
      </nav>
      <h1 className="text-2xl font-bold">新建人物</h1>
      <p className="text-sm text-muted">保存后为草稿。身边好人随所属月度榜单一起提交审核和发布；市级好人、道德模范如不属于榜单，可在人物页单独提交审核。</p>
      <PersonForm personId={null} version={0} initial={initial} batches={batches.map((b) => ({ id: b.id, title: b.title }))} />
    </div>
  );
}

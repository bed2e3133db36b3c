import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { listAreaOptions, listCategoryOptions } from '@/db/queries/ledger/staff-extra';
import { requirePageUser } from '@/server/auth';
import { ISSUE_SOURCES } from '@/lib/enums';
import { LedgerNav } from '../ledger-nav';
import { IssueForm } from './issue-form';

export const metadata: Metadata = { title: '录入督查问题' };
export const dynamic = 'force-dynamic';

export default async function NewIssuePage() {
  const user = await requirePageUser('ledger.enter', '/admin/ledger/new');
  const db = await getDb();
  const [categories, areas] = await Promise.all([listCategoryOptions(db), listAreaOptions(db)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">录入督查问题</h1>
      <LedgerNav current="/admin/ledger/new" user={user} />
      <p className="text-sm text-muted">督查、测评或12345发现的问题由工作人员录入，直接为“已受理”，由创城办交办给责任单位。成批的督查问题请用“批量导入”。</p>
      <IssueForm sources={ISSUE_SOURCES.filter((s) => s !== '随手拍')} categories={categories.map((c) => ({ value: String(c.id), label: c.name }))} areas={areas} />
    </div>
  );
}

import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listOpenCreditBatches } from '@/db/queries/credit-admin/batches';
import { requirePageUser } from '@/server/auth';
import { IMPORT_COLUMNS } from '@/lib/credit-import';
import { CreditNav } from '../credit-nav';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: '批量导入红黑榜' };
export const dynamic = 'force-dynamic';

export default async function CreditImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).batch;
  const batchId = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  await requirePageUser('content.edit', `/admin/credit/import${batchId ? `?batch=${batchId}` : ''}`);
  const batches = await listOpenCreditBatches(await getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">批量导入</h1>
      <CreditNav current="/admin/credit/import" />
      <section aria-labelledby="how-heading" className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm">
        <h2 id="how-heading" className="font-bold">
          文件要求
        </h2>
        <p>
          第1行为表头，从第2行起每行一条记录。
          <a href="/admin/credit/import/template" className="ml-1 underline hover:text-brand">
            下载导入模板（CSV）
          </a>
          ：含一行示例和可填写的类别、主体类型；以 # 开头的说明行导入时跳过，可保留。
        </p>
        <p>列：{IMPORT_COLUMNS.map((c) => `${c.header}${c.required ? '' : '（可选）'}`).join('、')}。</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>单位主体填写统一社会信用代码；自然人填写身份证号码（系统核对校验位和出生日期，不接受未成年人）。</li>
          <li>日期写作 2026-03-15；公示截止日期留空则按类别公示期限从决定日期起算，与计算结果不同时须填写调整原因。</li>
          <li>地址、电话、银行账号等其他列会被忽略，不会保存。身份证号、信用代码列请设为“文本”格式，以免表格软件把长数字改成科学计数法。</li>
          <li>先“预检”：列出每一行的问题，不写入任何数据；全部正确后“确认导入”。同一主体、同一决定已存在的行会跳过，重复导入同一文件不会产生重复条目。</li>
        </ul>
      </section>
      {batches.length === 0 ? (
        <p className="rounded-lg bg-white p-4 shadow-sm">
          没有可导入的批次（须为草稿或已退回）。
          <Link href="/admin/credit/batches" className="underline hover:text-brand">
            新建批次
          </Link>
        </p>
      ) : (
        <ImportForm batches={batches.map((b) => ({ id: b.id, title: b.title }))} batchId={batches.some((b) => b.id === batchId) ? batchId : null} />
      )}
    </div>
  );
}

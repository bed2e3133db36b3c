import type { Metadata } from 'next';
import { requirePageUser } from '@/server/auth';
import { LedgerNav } from '../ledger-nav';
import { INSPECTION_COLUMNS } from '@/lib/ledger-import';
import { MAX_IMPORT_ROWS } from '@/lib/credit-import';
import { IssueImportForm } from './import-form';

export const metadata: Metadata = { title: '批量导入督查问题' };
export const dynamic = 'force-dynamic';

export default async function IssueImportPage() {
  const user = await requirePageUser('ledger.enter', '/admin/ledger/import');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">批量导入督查问题</h1>
      <LedgerNav current="/admin/ledger/import" user={user} />
      <section aria-labelledby="how-heading" className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm">
        <h2 id="how-heading" className="font-bold">
          文件要求
        </h2>
        <p>
          第1行为表头，从第2行起每行一个问题，单次最多{MAX_IMPORT_ROWS}行。
          <a href="/admin/ledger/import/template" download className="ml-1 underline hover:text-brand">
            下载导入模板（CSV）
          </a>
          ：含一行示例和可填写的类别、片区；以 # 开头的说明行导入时跳过，可保留。
        </p>
        <p>列：{INSPECTION_COLUMNS.map((c) => `${c.header}${c.required ? '' : '（可选）'}`).join('、')}。</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>每行须填写督查通报或交办单的文号；导入的问题来源为“督查”，直接为“已受理”，由创城办交办；填写了责任单位的直接交办给该单位，期限按类别和工作日历计算。</li>
          <li>先“预检”：列出每一行的问题，不写入任何数据；全部正确后“确认导入”。同一文号、地点和描述的问题已存在时跳过，重复导入同一文件不会产生重复问题。</li>
          <li>电话、姓名等其他列会被忽略，不会保存。</li>
        </ul>
      </section>
      <IssueImportForm />
    </div>
  );
}

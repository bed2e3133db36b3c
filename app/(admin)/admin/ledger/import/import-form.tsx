'use client';

// The 督查 import: the shared two steps (app/_components/import-form.tsx), as the 红黑榜 import's.
import Link from '@/app/_components/link';
import type { ImportState } from '@/server/import-files';
import { ImportSteps, type ImportAction } from '../../../../_components/import-form';
import { confirmIssueImport, previewIssueImport } from './actions';

// guardedAction is typed with the base ActionState; these two answer with the import fields too.
const preview = previewIssueImport as ImportAction<ImportState>;
const confirmImport = confirmIssueImport as ImportAction<ImportState>;

export function IssueImportForm() {
  return (
    <ImportSteps<ImportState>
      preview={preview}
      confirm={confirmImport}
      maxSize="10MB"
      rowName="地点"
      keptNote="文件保存在服务器上，可直接确认导入或重新预检。"
      importable={(report) => report.newCount > 0}
      confirmText={(report) => `将导入 ${report.newCount} 个问题${report.existingCount > 0 ? `，${report.existingCount} 个已存在将跳过` : ''}。`}
      done={(confirmed) => (
        <>
          导入 {confirmed.imported.inserted} 个问题，已存在 {confirmed.imported.existing} 个（未重复导入）。
          <Link href="/admin/ledger?queue=assign" className="ml-2 underline">
            去交办
          </Link>
        </>
      )}
    />
  );
}

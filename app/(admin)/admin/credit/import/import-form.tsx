'use client';

// The 红黑榜 import: the shared two steps (app/_components/import-form.tsx) into a chosen batch. React
// resets a form after an action: the chosen batch comes back through the select's key, so it need not be
// chosen again.
import Link from '@/app/_components/link';
import { ImportSteps, type ImportAction } from '../../../../_components/import-form';
import { FieldShell, inputClass } from '../../../../_components/form-fields';
import { confirmCreditImport, previewCreditImport } from './actions';
import type { ImportActionState } from '../types';

type Batch = { id: number; title: string };
// guardedAction is typed with the base ActionState; these two answer with the import fields too.
const preview = previewCreditImport as ImportAction<ImportActionState>;
const confirmImport = confirmCreditImport as ImportAction<ImportActionState>;

export function ImportForm({ batches, batchId }: { batches: Batch[]; batchId: number | null }) {
  const chosenOf = (previewed: ImportActionState, latest: ImportActionState) => {
    const typed = previewed.values?.batchId;
    return latest.batchId ?? (typed && /^\d+$/.test(typed) ? Number(typed) : batchId);
  };
  return (
    <ImportSteps<ImportActionState>
      preview={preview}
      confirm={confirmImport}
      maxSize="30MB"
      rowName="名称"
      keptNote="文件保存在服务器上，可直接确认导入；改选批次后可重新预检，无需再次选择文件。"
      importable={(report) => report.validCount > 0}
      fields={(previewed, latest) => {
        const chosen = chosenOf(previewed, latest);
        return (
          <FieldShell id="import-batch" label="导入到批次" required error={previewed.fieldErrors?.batchId} hint="只能导入到草稿或已退回的批次">
            {(aria) => (
              // Keyed by the choice: a <select> takes a new defaultValue only when it mounts, and the reset
              // after 预检 would otherwise fall back to 请选择.
              <select {...aria} key={chosen ?? ''} name="batchId" defaultValue={chosen ?? ''} required className={inputClass}>
                <option value="">请选择</option>
                {batches.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
        );
      }}
      confirmFields={(latest) => (latest.batchId ? <input type="hidden" name="batchId" value={latest.batchId} /> : null)}
      confirmText={(report, latest) => {
        const title = batches.find((b) => b.id === latest.batchId)?.title;
        return `将导入 ${report.newCount} 条新条目${title ? `到批次“${title}”` : ''}${report.existingCount > 0 ? `，${report.existingCount} 条已存在将跳过` : ''}。`;
      }}
      done={(confirmed) => (
        <>
          导入 {confirmed.imported.inserted} 条，已存在 {confirmed.imported.existing} 条（未重复导入）。
          <Link href={`/admin/credit/batches/${confirmed.batchId}`} className="ml-2 underline">
            查看批次
          </Link>
        </>
      )}
    />
  );
}

'use client';

// Two steps: 预检 uploads the file (kept on the server) and shows the report; 确认导入 names the kept file,
// which is checked again and imported all or nothing. React resets a form after its action: the chosen
// batch comes back through the select's key, and the kept file is named by its token, so neither has to
// be chosen again (a new 预检 re-checks the kept file unless another file is chosen).
import Link from 'next/link';
import { useActionState } from 'react';
import { FieldShell, FormMessage, SubmitButton, inputClass } from '../../../../_components/form-fields';
import { confirmCreditImport, previewCreditImport } from './actions';
import type { ImportActionState, ImportReport } from '../types';

type Batch = { id: number; title: string };
type ImportAction = (state: ImportActionState, data: FormData) => Promise<ImportActionState>;
// guardedAction is typed with the base ActionState; these two answer with the import fields too.
const preview = previewCreditImport as ImportAction;
const confirmImport = confirmCreditImport as ImportAction;

export function ImportForm({ batches, batchId }: { batches: Batch[]; batchId: number | null }) {
  const [previewed, previewAction] = useActionState(preview, {} as ImportActionState);
  const [confirm, confirmAction] = useActionState(confirmImport, {} as ImportActionState);
  // The newest answer wins: a confirmation's report replaces the preview's, a new preview the confirmation.
  const latest = (confirm.at ?? 0) > (previewed.at ?? 0) ? confirm : previewed;
  const confirmed = latest === confirm && confirm.imported ? confirm : null;
  const report = latest.report;
  const token = latest.token;
  const typed = previewed.values?.batchId;
  const chosen = latest.batchId ?? (typed && /^\d+$/.test(typed) ? Number(typed) : batchId);
  const fileName = latest.fileName ?? '';
  // The file waiting on the server for this form (gone once imported).
  const kept = token && !confirmed ? { token, fileName } : null;
  const chosenTitle = batches.find((b) => b.id === chosen)?.title;
  const importable = report && !report.fileError && report.problems.length === 0 && report.validCount > 0 && !confirmed;

  return (
    <div className="space-y-4">
      <form action={previewAction} className="space-y-3 rounded-lg bg-white p-4 shadow-sm" aria-label="上传并预检">
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
        <FieldShell
          id="import-file"
          label="导入文件"
          required={!kept}
          error={previewed.fieldErrors?.file}
          hint={kept ? '如需更换文件，请重新选择；不选则使用已上传的文件' : 'CSV（UTF-8 或 GBK 编码）或 XLSX，不超过30MB'}
        >
          {(aria) => <input {...aria} name="file" type="file" required={!kept} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={inputClass} />}
        </FieldShell>
        {kept ? (
          <p role="note" className="rounded border border-line bg-canvas px-3 py-2 text-sm">
            已上传：<strong className="break-all">{kept.fileName || '导入文件'}</strong>。文件保存在服务器上，可直接确认导入；改选批次后可重新预检，无需再次选择文件。
            <input type="hidden" name="token" value={kept.token} />
            <input type="hidden" name="fileName" value={kept.fileName} />
          </p>
        ) : null}
        <SubmitButton pendingText="正在预检…">预检</SubmitButton>
        {latest === previewed && !previewed.report ? <FormMessage state={previewed} /> : null}
      </form>

      {confirmed?.imported ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-800">
          导入 {confirmed.imported.inserted} 条，已存在 {confirmed.imported.existing} 条（未重复导入）。
          <Link href={`/admin/credit/batches/${confirmed.batchId}`} className="ml-2 underline">
            查看批次
          </Link>
        </p>
      ) : null}
      {latest === confirm && confirm.message ? <FormMessage state={{ message: confirm.message }} /> : null}

      {report && !confirmed ? <ReportView report={report} fileName={fileName} /> : null}

      {importable && token && chosen ? (
        <form action={confirmAction} className="rounded-lg bg-white p-4 shadow-sm" aria-label="确认导入">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="batchId" value={chosen} />
          <input type="hidden" name="fileName" value={fileName} />
          <p className="mb-3 text-sm">
            将导入 {report.newCount} 条新条目{chosenTitle ? `到批次“${chosenTitle}”` : ''}{report.existingCount > 0 ? `，${report.existingCount} 条已存在将跳过` : ''}。导入时会再次检查整个文件，任何一行有误都不会导入。
          </p>
          <SubmitButton pendingText="正在导入…">确认导入</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

function ReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  if (report.fileError) {
    return (
      <section aria-labelledby="report-heading" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="report-heading" className="font-bold">
          预检结果{fileName ? `：${fileName}` : ''}
        </h2>
        <p role="alert" className="text-brand">
          {report.fileError}
        </p>
      </section>
    );
  }
  const bad = report.invalidCount + report.duplicateCount;
  return (
    <section aria-labelledby="report-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="report-heading" className="font-bold">
        预检结果{fileName ? `：${fileName}` : ''}
      </h2>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
        {[
          ['数据行', report.totalRows],
          ['可导入', report.newCount],
          ['已存在', report.existingCount],
          ['有错误', report.invalidCount],
          ['文件内重复', report.duplicateCount],
        ].map(([label, n]) => (
          <div key={label} className="rounded bg-canvas p-2">
            <dt className="text-muted">{label}</dt>
            <dd className="text-lg font-bold tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      {report.ignoredColumns.length > 0 ? <p className="text-sm">已忽略的列：{report.ignoredColumns.join('、')}（不会保存）</p> : null}
      {bad > 0 ? (
        <>
          <p role="alert" className="text-sm text-brand">
            有 {bad} 行需要修改。请在原文件中按行号修改后重新预检；全部正确后才能导入。
          </p>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">错误行，行号与表格软件中一致（表头为第1行）</caption>
              <thead className="border-b border-line bg-canvas">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">行号</th>
                  <th scope="col" className="px-3 py-2 font-medium">名称</th>
                  <th scope="col" className="px-3 py-2 font-medium">问题</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr key={p.row} className="border-b border-line align-top last:border-0">
                    <td className="px-3 py-2 tabular-nums">第{p.row}行</td>
                    <td className="px-3 py-2">{p.name || '—'}</td>
                    <td className="px-3 py-2">
                      <ul className="list-disc pl-4">
                        {p.messages.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.problemsNotShown > 0 ? <p className="text-sm">另有 {report.problemsNotShown} 行错误未列出，请先修改以上各行。</p> : null}
        </>
      ) : (
        <p role="status" className="text-sm text-green-800">
          全部 {report.totalRows} 行检查通过。
        </p>
      )}
    </section>
  );
}

'use client';

// Two steps, as the 红黑榜 import: 预检 uploads the file (kept on the server) and shows the row report;
// 确认导入 names the kept file, which is checked again and imported all or nothing.
import Link from 'next/link';
import { useActionState } from 'react';
import { FieldShell, FormMessage, SubmitButton, inputClass } from '../../../../_components/form-fields';
import { confirmIssueImport, previewIssueImport, type IssueImportState } from './actions';
import type { IssueImportReport } from './import-report';

type Action = (state: IssueImportState, data: FormData) => Promise<IssueImportState>;
// guardedAction is typed with the base ActionState; these two answer with the import fields too.
const preview = previewIssueImport as Action;
const confirmImport = confirmIssueImport as Action;

export function IssueImportForm() {
  const [previewed, previewAction] = useActionState(preview, {} as IssueImportState);
  const [confirm, confirmAction] = useActionState(confirmImport, {} as IssueImportState);
  const latest = (confirm.at ?? 0) > (previewed.at ?? 0) ? confirm : previewed;
  const confirmed = latest === confirm && confirm.imported ? confirm : null;
  const report = latest.report;
  const kept = latest.token && !confirmed ? { token: latest.token, fileName: latest.fileName ?? '' } : null;
  const importable = report && !report.fileError && report.problems.length === 0 && report.newCount > 0 && !confirmed;
  return (
    <div className="space-y-4">
      <form action={previewAction} className="space-y-3 rounded-lg bg-white p-4 shadow-sm" aria-label="上传并预检">
        <FieldShell id="import-file" label="导入文件" required={!kept} error={previewed.fieldErrors?.file} hint={kept ? '如需更换文件，请重新选择；不选则使用已上传的文件' : 'CSV（UTF-8 或 GBK 编码）或 XLSX，不超过10MB'}>
          {(aria) => <input {...aria} name="file" type="file" required={!kept} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={inputClass} />}
        </FieldShell>
        {kept ? (
          <p role="note" className="rounded border border-line bg-canvas px-3 py-2 text-sm">
            已上传：<strong className="break-all">{kept.fileName || '导入文件'}</strong>。文件保存在服务器上，可直接确认导入或重新预检。
            <input type="hidden" name="token" value={kept.token} />
            <input type="hidden" name="fileName" value={kept.fileName} />
          </p>
        ) : null}
        <SubmitButton pendingText="正在预检…">预检</SubmitButton>
        {latest === previewed && !previewed.report ? <FormMessage state={previewed} /> : null}
      </form>

      {confirmed?.imported ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-800">
          导入 {confirmed.imported.inserted} 个问题，已存在 {confirmed.imported.existing} 个（未重复导入）。
          <Link href="/admin/ledger?queue=assign" className="ml-2 underline">
            去交办
          </Link>
        </p>
      ) : null}
      {latest === confirm && confirm.message ? <FormMessage state={{ message: confirm.message }} /> : null}
      {report && !confirmed ? <ReportView report={report} fileName={latest.fileName ?? ''} /> : null}

      {importable && latest.token ? (
        <form action={confirmAction} className="rounded-lg bg-white p-4 shadow-sm" aria-label="确认导入">
          <input type="hidden" name="token" value={latest.token} />
          <input type="hidden" name="fileName" value={latest.fileName ?? ''} />
          <p className="mb-3 text-sm">
            将导入 {report.newCount} 个问题{report.existingCount > 0 ? `，${report.existingCount} 个已存在将跳过` : ''}。导入时会再次检查整个文件，任何一行有误都不会导入。
          </p>
          <SubmitButton pendingText="正在导入…">确认导入</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

function ReportView({ report, fileName }: { report: IssueImportReport; fileName: string }) {
  const heading = (
    <h2 id="report-heading" className="font-bold">
      预检结果{fileName ? `：${fileName}` : ''}
    </h2>
  );
  if (report.fileError) {
    return (
      <section aria-labelledby="report-heading" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        {heading}
        <p role="alert" className="text-brand">
          {report.fileError}
        </p>
      </section>
    );
  }
  const bad = report.invalidCount + report.duplicateCount;
  return (
    <section aria-labelledby="report-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      {heading}
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
        {(
          [
            ['数据行', report.totalRows],
            ['可导入', report.newCount],
            ['已存在', report.existingCount],
            ['有错误', report.invalidCount],
            ['文件内重复', report.duplicateCount],
          ] as const
        ).map(([label, n]) => (
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
                  <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                    行号
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    地点
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    问题
                  </th>
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
        </>
      ) : (
        <p role="status" className="text-sm text-green-800">
          全部 {report.totalRows} 行检查通过。
        </p>
      )}
    </section>
  );
}

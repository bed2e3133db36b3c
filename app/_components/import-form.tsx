'use client';

// The two steps of a spreadsheet import (the 红黑榜's entries, the 督查 findings): 预检 uploads the file
// (kept on the server, server/import-files.ts) and shows the row report; 确认导入 names the kept file, which
// is checked again and imported all or nothing. React resets a form after its action: the kept file is
// named by its token, so a new 预检 re-checks it unless another file is chosen.
import { useActionState, type ReactNode } from 'react';
import type { ImportReport, ImportState } from '@/server/import-files';
import { FieldShell, FormMessage, SubmitButton, inputClass } from './form-fields';

export type ImportAction<S extends ImportState> = (state: S, data: FormData) => Promise<S>;
type Step<S> = (state: Awaited<S>, data: FormData) => Promise<S>;

type Props<S extends ImportState> = {
  preview: ImportAction<S>;
  confirm: ImportAction<S>;
  /** The size limit, as the hint says it ('30MB'). */
  maxSize: string;
  /** Fields of the 预检 form above the file (the 红黑榜's batch), given both forms' answers. */
  fields?: (previewed: S, latest: S) => ReactNode;
  /** What the kept file's note adds after its name. */
  keptNote: string;
  /** Whether a report without bad rows may be imported (something to import). */
  importable: (report: ImportReport) => boolean;
  /** The hidden fields of the 确认导入 form besides the file, or null while it cannot be sent. */
  confirmFields?: (latest: S) => ReactNode | null;
  /** The sentence above 确认导入. */
  confirmText: (report: ImportReport, latest: S) => string;
  /** The notice after an import (what was imported, where to go next). */
  done: (confirmed: S & { imported: NonNullable<ImportState['imported']> }) => ReactNode;
  /** The heading of the report's column that names a bad row ('名称', '地点'). */
  rowName: string;
};

export function ImportSteps<S extends ImportState>({ preview, confirm, maxSize, fields, keptNote, importable, confirmFields, confirmText, done, rowName }: Props<S>) {
  // S is a plain object type (never a promise), so Awaited<S> is S.
  const [previewed, previewAction] = useActionState<S, FormData>(preview as Step<S>, {} as Awaited<S>) as [S, (data: FormData) => void, boolean];
  const [confirmed, confirmAction] = useActionState<S, FormData>(confirm as Step<S>, {} as Awaited<S>) as [S, (data: FormData) => void, boolean];
  // The newest answer wins: a confirmation's report replaces the preview's, a new preview the confirmation.
  const latest = (confirmed.at ?? 0) > (previewed.at ?? 0) ? confirmed : previewed;
  const imported = latest === confirmed && confirmed.imported ? { ...confirmed, imported: confirmed.imported } : null;
  const report = latest.report;
  const fileName = latest.fileName ?? '';
  // The file waiting on the server for this form (gone once imported).
  const kept = latest.token && !imported ? { token: latest.token, fileName } : null;
  const extra = confirmFields ? confirmFields(latest) : undefined;
  const ready = report && !report.fileError && report.problems.length === 0 && importable(report) && !imported && kept && extra !== null;

  return (
    <div className="space-y-4">
      <form action={previewAction} className="space-y-3 rounded-lg bg-white p-4 shadow-sm" aria-label="上传并预检">
        {fields?.(previewed, latest)}
        <FieldShell
          id="import-file"
          label="导入文件"
          required={!kept}
          error={previewed.fieldErrors?.file}
          hint={kept ? '如需更换文件，请重新选择；不选则使用已上传的文件' : `CSV（UTF-8 或 GBK 编码）或 XLSX，不超过${maxSize}`}
        >
          {(aria) => <input {...aria} name="file" type="file" required={!kept} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={inputClass} />}
        </FieldShell>
        {kept ? (
          <p role="note" className="rounded border border-line bg-canvas px-3 py-2 text-sm">
            已上传：<strong className="break-all">{kept.fileName || '导入文件'}</strong>。{keptNote}
            <input type="hidden" name="token" value={kept.token} />
            <input type="hidden" name="fileName" value={kept.fileName} />
          </p>
        ) : null}
        <SubmitButton pendingText="正在预检…">预检</SubmitButton>
        {latest === previewed && !previewed.report ? <FormMessage state={previewed} /> : null}
      </form>

      {imported ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-800">
          {done(imported)}
        </p>
      ) : null}
      {latest === confirmed && confirmed.message ? <FormMessage state={{ message: confirmed.message }} /> : null}
      {report && !imported ? <ImportReportView report={report} fileName={fileName} rowName={rowName} /> : null}

      {ready ? (
        <form action={confirmAction} className="rounded-lg bg-white p-4 shadow-sm" aria-label="确认导入">
          <input type="hidden" name="token" value={kept.token} />
          <input type="hidden" name="fileName" value={fileName} />
          {extra}
          <p className="mb-3 text-sm">{confirmText(report, latest)}导入时会再次检查整个文件，任何一行有误都不会导入。</p>
          <SubmitButton pendingText="正在导入…">确认导入</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

function ImportReportView({ report, fileName, rowName }: { report: ImportReport; fileName: string; rowName: string }) {
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
                    {rowName}
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

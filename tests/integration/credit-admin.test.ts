// 诚信红黑榜 in the editors' area on both engines: the all-or-nothing, idempotent import; batch review
// making entries public; edits and status changes with history; the objection workflow changing an entry;
// and no full ID number in history or the audit log. Actions run with the signed-in user stubbed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { insertCreditBatch } from '@/db/queries/credit-admin/batches';
import { createCreditEntry, findCreditEntryForEdit, listAdminCreditEntries, listCreditEntryHistory } from '@/db/queries/credit-admin/entries';
import { iteratePublicCreditExport } from '@/db/queries/credit-admin/export';
import { importCreditEntries } from '@/db/queries/credit-admin/import';
import { listObjectionEvents } from '@/db/queries/credit-admin/objections';
import { creditQueueCounts } from '@/db/queries/credit-admin/queues';
import { findPublicCreditEntry, listPublicEntriesOfBatch } from '@/db/queries/credit';
import { insertUser, type AuthUser } from '@/db/queries/users';
import { auditLog, creditCategories, creditEntries, creditObjections } from '@/db/schema';
import { IMPORT_COLUMNS } from '@/lib/credit-import';
import { validateCreditEntry, MINOR_MESSAGE, type ValidCreditEntry } from '@/lib/credit-entry';
import { creditCodeCheckChar } from '@/lib/credit-code';
import { CSV_BOM, csvRow } from '@/lib/csv';
import { addDays, cityDay } from '@/lib/dates';
import type { ImportActionState } from '@/app/(admin)/admin/credit/types';
import { freshDatabase } from './helpers';
import { actionContext as ctx } from './action-context';

let handle: DbHandle;
let editor: AuthUser;
let reviewer: AuthUser;
let dataDir: string;
const today = cityDay();
const asAuth = (u: Awaited<ReturnType<typeof insertUser>>): AuthUser => ({ ...u, disabled: false, sessionVersion: 1 });
const PERSON_ID = '42010219800101001X';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-admin-'));
  process.env.DATA_DIR = dataDir;
  handle = await freshDatabase();
  ctx.db = handle.db;
  editor = asAuth(await insertUser(handle.db, { username: 'credit-editor', displayName: '信用编辑', role: 'editor', passwordHash: 'x' }));
  reviewer = asAuth(await insertUser(handle.db, { username: 'credit-reviewer', displayName: '信用审核', role: 'reviewer', passwordHash: 'x' }));
  await handle.db.insert(creditCategories).values([
    { list: 'red', name: '诚信经营企业', periodMonths: 24, sortOrder: 1 },
    { list: 'black', name: '失信被执行人', periodMonths: 24, sortOrder: 2 },
    { list: 'black', name: '食品药品安全', periodMonths: 12, sortOrder: 3 },
  ]);
});

afterAll(async () => {
  await handle?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function form(values: Record<string, string | number | File>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value instanceof File ? value : String(value));
  return data;
}

/** The URL of the redirect an action ended with. */
async function redirected(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    (state) => {
      throw new Error(`expected a redirect, got ${JSON.stringify(state)}`);
    },
    (e: unknown) => e,
  );
  const digest = String((error as { digest?: string }).digest ?? '');
  if (!digest.includes('NEXT_REDIRECT')) throw error;
  return digest;
}

const decision = addDays(today, -20);
const listed = addDays(today, -1);

function companyRow(n: number, overrides: Record<string, string> = {}): string[] {
  const values: Record<string, string> = {
    '名单(红榜/黑榜)': '黑榜',
    类别: '食品药品安全',
    主体类型: '法人企业',
    名称: `江城导入测试食品第${n}有限公司`,
    统一社会信用代码: ['91420100MA4K00001U', '91420100MA4K00002Y', '91420100MA4K000032', '91420100MA4K000045'][n - 1]!,
    法定代表人: '王五',
    列入事由: '销售过期食品，经查证属实，依法作出行政处罚。',
    涉及金额: '5000',
    认定部门: '江城市市场监督管理局',
    认定依据文号: `江市监罚〔2026〕${n}号`,
    决定日期: decision,
    列入日期: listed,
    联系电话: '13800001111',
    ...overrides,
  };
  return [...IMPORT_COLUMNS.map((c) => c.header), '联系电话'].map((h) => values[h] ?? '');
}

function csvFile(rows: string[][]): File {
  const header = [...IMPORT_COLUMNS.map((c) => c.header), '联系电话'];
  return new File([CSV_BOM + [header, ...rows].map((r) => csvRow(r)).join('')], 'import.csv', { type: 'text/csv' });
}

async function importFile(batchId: number, file: File): Promise<{ preview: ImportActionState; confirm: ImportActionState }> {
  const { previewCreditImport, confirmCreditImport } = await import('@/app/(admin)/admin/credit/import/actions');
  const preview: ImportActionState = await previewCreditImport({}, form({ batchId, file }));
  const confirm: ImportActionState = await confirmCreditImport({}, form({ batchId, token: preview.token ?? 'x', fileName: file.name }));
  return { preview, confirm };
}

const entriesOf = (batchId: number) => handle.db.select({ id: creditEntries.id, name: creditEntries.name }).from(creditEntries).where(eq(creditEntries.batchId, batchId));

describe('credit import, batch review and visibility', () => {
  let batchId: number;

  it('refuses a whole file with one bad row, imports the fixed file, and adds nothing the second time', async () => {
    ctx.user = editor;
    batchId = (await insertCreditBatch(handle.db, '测试年第1期', editor.id))!;
    const bad = companyRow(4, { 统一社会信用代码: '91420100MA4K000046' });
    const { preview, confirm } = await importFile(batchId, csvFile([companyRow(1), companyRow(2), bad, companyRow(3)]));
    expect(preview.report).toMatchObject({ fileError: null, totalRows: 4, validCount: 3, newCount: 3, invalidCount: 1, ignoredColumns: ['联系电话'] });
    expect(preview.report!.problems).toEqual([{ row: 4, name: '江城导入测试食品第4有限公司', messages: [expect.stringContaining('第18位应为“5”')] }]);
    expect(confirm.ok).toBeUndefined();
    expect(confirm.message).toContain('未导入任何数据');
    expect(await entriesOf(batchId)).toHaveLength(0);

    const fixed = csvFile([companyRow(1), companyRow(2), companyRow(4), companyRow(3)]);
    const first = await importFile(batchId, fixed);
    expect(first.confirm).toMatchObject({ ok: true, imported: { inserted: 4, existing: 0 } });
    expect(await entriesOf(batchId)).toHaveLength(4);
    // The phone column was ignored, not stored anywhere.
    const [stored] = await handle.db.select().from(creditEntries).where(eq(creditEntries.batchId, batchId)).limit(1);
    expect(JSON.stringify(stored)).not.toContain('13800001111');

    const again = await importFile(batchId, fixed);
    expect(again.preview.report).toMatchObject({ validCount: 4, newCount: 0, existingCount: 4 });
    expect(again.confirm).toMatchObject({ ok: true, imported: { inserted: 0, existing: 4 } });
    expect(await entriesOf(batchId)).toHaveLength(4);

    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'credit.import'));
    expect(audits.map((a) => a.after)).toEqual([
      { rows: 4, inserted: 4, existing: 0 },
      { rows: 4, inserted: 0, existing: 4 },
    ]);
    expect(ctx.tags).toContain('credit');
  });

  it('publishes the batch as a whole; unpublished entries stay invisible', async () => {
    const { reviewCreditBatch } = await import('@/app/(admin)/admin/credit/batches/actions');
    const [entry] = await entriesOf(batchId);
    expect(await findPublicCreditEntry(handle.db, entry!.id)).toBeNull();

    ctx.user = editor;
    expect(await redirected(reviewCreditBatch({}, form({ id: batchId, version: 1, action: 'submit' })))).toContain('done=submit');
    // An editor cannot approve; a reviewer can.
    expect((await reviewCreditBatch({}, form({ id: batchId, version: 2, action: 'approve' }))).message).toContain('您的角色不能执行');
    expect(await findPublicCreditEntry(handle.db, entry!.id)).toBeNull();
    ctx.user = reviewer;
    expect(await redirected(reviewCreditBatch({}, form({ id: batchId, version: 2, action: 'approve' })))).toContain('done=approve');
    expect(await findPublicCreditEntry(handle.db, entry!.id)).toMatchObject({ name: entry!.name });
    expect(await listPublicEntriesOfBatch(handle.db, batchId, 'black', 10)).toHaveLength(4);

    // A published batch takes no more entries.
    const more = await importFile(batchId, csvFile([companyRow(1, { 认定依据文号: '江市监罚〔2026〕99号' })]));
    expect(more.preview.fieldErrors?.batchId).toContain('不能再导入');
    expect(await creditQueueCounts(handle.db)).toEqual({ pendingBatches: 0, openObjections: 0 });
  });

  it('refuses to submit an empty batch', async () => {
    const { reviewCreditBatch } = await import('@/app/(admin)/admin/credit/batches/actions');
    ctx.user = editor;
    const empty = (await insertCreditBatch(handle.db, '测试年第2期', editor.id))!;
    expect((await reviewCreditBatch({}, form({ id: empty, version: 1, action: 'submit' }))).message).toContain('还没有条目');
  });

  it('keeps the uploaded file between 预检 and 确认导入: a refused batch or a second 预检 needs no new choice of file', async () => {
    const { previewCreditImport, confirmCreditImport } = await import('@/app/(admin)/admin/credit/import/actions');
    ctx.user = editor;
    const open = (await insertCreditBatch(handle.db, '测试年第11期', editor.id))!;
    const file = csvFile([companyRow(1, { 认定依据文号: '江市监罚〔2026〕111号' })]);
    // Into the published batch: refused, but the file is kept and named.
    const refused: ImportActionState = await previewCreditImport({}, form({ batchId, file }));
    expect(refused.fieldErrors?.batchId).toContain('不能再导入');
    expect(refused).toMatchObject({ batchId, token: expect.stringMatching(/^[0-9a-f]{32}$/), fileName: 'import.csv' });
    // The form comes back with the kept file's token only: the next 预检 re-checks it for another batch.
    const again: ImportActionState = await previewCreditImport({}, form({ batchId: open, token: refused.token!, fileName: refused.fileName! }));
    expect(again).toMatchObject({ ok: true, batchId: open, token: refused.token, fileName: 'import.csv', report: { totalRows: 1, validCount: 1 } });
    expect((await previewCreditImport({}, form({ batchId: open }))).fieldErrors?.file).toBe('请选择要导入的 CSV 或 XLSX 文件');
    expect(await confirmCreditImport({}, form({ batchId: open, token: again.token!, fileName: again.fileName! }))).toMatchObject({ ok: true, imported: { inserted: 1 } });
    // Imported: the kept file is gone.
    expect((await previewCreditImport({}, form({ batchId: open, token: again.token!, fileName: 'import.csv' }))).fieldErrors?.file).toContain('已过期或已导入');
  });

  it('serves a template with an example and the allowed values that the import accepts as it is', async () => {
    const { GET } = await import('@/app/(admin)/admin/credit/import/template/route');
    const { previewCreditImport } = await import('@/app/(admin)/admin/credit/import/actions');
    ctx.user = editor;
    const response = await GET();
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('红榜类别：诚信经营企业');
    expect(text).toContain('黑榜类别：失信被执行人、食品药品安全');
    expect(text).toContain('主体类型：法人企业、个体工商户、自然人、机关事业单位/社会组织');
    expect(text).toContain('江城市示例食品有限公司');
    const open = (await insertCreditBatch(handle.db, '测试年第12期', editor.id))!;
    const asIs: ImportActionState = await previewCreditImport({}, form({ batchId: open, file: new File([text], 'template.csv', { type: 'text/csv' }) }));
    expect(asIs.report?.fileError).toContain('没有数据行');
    const filled = text + csvRow(companyRow(2, { 认定依据文号: '江市监罚〔2026〕112号' }).slice(0, IMPORT_COLUMNS.length));
    const preview: ImportActionState = await previewCreditImport({}, form({ batchId: open, file: new File([filled], 'template.csv', { type: 'text/csv' }) }));
    expect(preview.report).toMatchObject({ fileError: null, totalRows: 1, validCount: 1, problems: [] });
    ctx.user = null;
    expect((await GET()).status).toBe(403);
  });
});

describe('entries: validation, edits, history', () => {
  let batchId: number;
  const base = {
    categoryId: '',
    subjectKind: '自然人',
    name: '张三',
    creditCode: '',
    legalRep: '',
    idNumber: PERSON_ID,
    reason: '拒不履行生效判决确定的给付义务，情节严重。',
    amount: '32000',
    authority: '江城市中级人民法院',
    basisDoc: '（2026）江01执100号',
    decisionDate: decision,
    listedDate: listed,
    publicationEnd: '',
    publicationEndReason: '',
  };

  beforeAll(async () => {
    batchId = (await insertCreditBatch(handle.db, '测试年第3期', editor.id))!;
    const [category] = await handle.db.select({ id: creditCategories.id }).from(creditCategories).where(eq(creditCategories.name, '失信被执行人'));
    base.categoryId = String(category!.id);
  });

  it('refuses an entry about a minor and an override without a reason, and says why', async () => {
    const { createCreditEntryAction } = await import('@/app/(admin)/admin/credit/entries/actions');
    ctx.user = editor;
    const minor = await createCreditEntryAction({}, form({ ...base, batchId, idNumber: '420102201506010028' }));
    expect(minor.fieldErrors?.idNumber).toBe(MINOR_MESSAGE);
    const override = await createCreditEntryAction({}, form({ ...base, batchId, publicationEnd: addDays(decision, 400) }));
    expect(override.fieldErrors?.publicationEndReason).toContain('须填写调整原因');
    expect(await entriesOf(batchId)).toHaveLength(0);
  });

  it('creates, edits with a version check, removes and restores, keeping masked history only', async () => {
    const { createCreditEntryAction, saveCreditEntry, changeCreditEntryStatus } = await import('@/app/(admin)/admin/credit/entries/actions');
    ctx.user = editor;
    const url = await redirected(createCreditEntryAction({}, form({ ...base, batchId })));
    const id = Number(/entries\/(\d+)/.exec(url)![1]);
    const created = await findCreditEntryForEdit(handle.db, id);
    expect(created).toMatchObject({ idNumber: PERSON_ID, idNumberMasked: '420102********001X', version: 1, status: 'public' });

    // Same fact again: refused as a duplicate.
    expect((await createCreditEntryAction({}, form({ ...base, batchId }))).message).toContain('已经存在');

    await redirected(saveCreditEntry({}, form({ ...base, id, version: 1, amount: '30000', idNumber: '11010519491231002X' })));
    // A stale copy is refused.
    expect((await saveCreditEntry({}, form({ ...base, id, version: 1, amount: '1' }))).message).toContain('已被他人修改');

    // Status changes are reviewers' decisions and need a reason.
    expect((await changeCreditEntryStatus({}, form({ id, version: 2, to: 'removed', reason: '信用修复' }))).message).toContain('没有执行此操作的权限');
    ctx.user = reviewer;
    expect((await changeCreditEntryStatus({}, form({ id, version: 2, to: 'removed', reason: '' }))).fieldErrors?.reason).toBe('请填写移出原因');
    await redirected(changeCreditEntryStatus({}, form({ id, version: 2, to: 'removed', reason: '已完成信用修复' })));
    await redirected(changeCreditEntryStatus({}, form({ id, version: 3, to: 'public', reason: '' })));

    const history = await listCreditEntryHistory(handle.db, id);
    expect(history.map((h) => h.source)).toEqual(['restore', 'remove', 'edit']);
    const edit = history[2]!;
    expect(edit.before).toEqual({ idNumberMasked: '420102********001X', amount: '32000.00' });
    expect(edit.after).toEqual({ idNumberMasked: '110105********002X', amount: '30000.00' });
    await expectNoFullIds();

    const { items } = await listAdminCreditEntries(handle.db, { batchId, q: '张' }, 1, 20);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ idNumberMasked: '110105********002X', displayStatus: 'public' });
    expect(JSON.stringify(items)).not.toContain('11010519491231002X');
  });

  it('computes 已到期 for the staff filter', async () => {
    const [category] = await handle.db.select().from(creditCategories).where(eq(creditCategories.name, '诚信经营企业'));
    const old = addDays(today, -800);
    const checked = validateCreditEntry(
      { ...base, list: 'red', categoryId: category!.id, subjectKind: '法人企业', name: '江城已到期测试有限公司', idNumber: '', creditCode: '91420100MA4K00001U', reason: '连续多年依法纳税，诚信经营。', decisionDate: old, listedDate: addDays(old, 5) },
      [category!],
      today,
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const created = await createCreditEntry(handle.db, batchId, checked.entry, editor.id);
    expect(created.ok).toBe(true);
    const expired = await listAdminCreditEntries(handle.db, { batchId, status: 'expired' }, 1, 20);
    expect(expired.items.map((i) => i.name)).toEqual(['江城已到期测试有限公司']);
    // A name fragment of two characters (the name's bigrams), of more (its trigrams), and a code fragment.
    for (const q of ['到期', '已到期测试', 'k00001u']) expect((await listAdminCreditEntries(handle.db, { batchId, q }, 1, 20)).items.map((i) => i.name)).toEqual(['江城已到期测试有限公司']);
  });
});

async function expectNoFullIds() {
  const history = await handle.db.execute<{ text: string }>(sql`select before::text || after::text as text from credit_entry_history`);
  const audits = await handle.db.execute<{ text: string }>(sql`select coalesce(before::text, '') || coalesce(after::text, '') || coalesce(note, '') as text from audit_log`);
  const all = [...history.rows, ...audits.rows].map((r) => r.text).join('\n');
  expect(all).not.toMatch(/\d{17}[\dX]/);
}

describe('objection workflow', () => {
  it('goes 待审核 -> 待核实 -> 已通过 -> 已完成 and modifies the entry with history and audit', async () => {
    const { moveCreditObjection } = await import('@/app/(admin)/admin/credit/objections/actions');
    const [entry] = await handle.db.select().from(creditEntries).where(eq(creditEntries.name, '江城导入测试食品第1有限公司'));
    const [objection] = await handle.db
      .insert(creditObjections)
      .values({ trackingNo: 'YY20260101-TEST01', kind: 'objection', entryId: entry!.id, applicantName: '王五', applicantPhone: '13900002222', explanation: '涉及金额有误，已提交缴款凭证。' })
      .returning({ id: creditObjections.id });
    const oid = objection!.id;
    expect((await creditQueueCounts(handle.db)).openObjections).toBe(1);

    ctx.user = editor;
    await redirected(moveCreditObjection({}, form({ id: oid, from: 'submitted', action: 'accept', note: '已受理，正在核实' })));
    expect((await moveCreditObjection({}, form({ id: oid, from: 'verifying', action: 'pass', note: '属实' }))).message).toContain('您的角色不能执行');
    ctx.user = reviewer;
    expect((await moveCreditObjection({}, form({ id: oid, from: 'verifying', action: 'pass', note: '' }))).fieldErrors?.note).toBeDefined();
    await redirected(moveCreditObjection({}, form({ id: oid, from: 'verifying', action: 'pass', note: '经核实，金额有误' })));
    // Stale status: refused.
    expect((await moveCreditObjection({}, form({ id: oid, from: 'verifying', action: 'pass', note: '再次' }))).message).toContain('刚被他人更改');
    const invalidEnd = await moveCreditObjection({}, form({ id: oid, from: 'passed', action: 'complete', note: '更正金额', outcome: 'modify', entryVersion: entry!.version, amount: '3000', publicationEnd: addDays(entry!.publicationEnd, 30) }));
    expect(invalidEnd.fieldErrors?.publicationEndReason).toBeDefined();
    await redirected(moveCreditObjection({}, form({ id: oid, from: 'passed', action: 'complete', note: '更正涉及金额', outcome: 'modify', entryVersion: entry!.version, amount: '3000' })));

    const after = await findCreditEntryForEdit(handle.db, entry!.id);
    expect(after).toMatchObject({ amount: '3000.00', version: entry!.version + 1 });
    const [change] = await listCreditEntryHistory(handle.db, entry!.id);
    expect(change).toMatchObject({ source: 'objection', objectionId: oid, before: { amount: '5000.00' }, after: { amount: '3000.00' }, reason: '更正涉及金额' });
    const events = await listObjectionEvents(handle.db, oid);
    expect(events.map((e) => e.toStatus)).toEqual(['verifying', 'passed', 'completed']);
    const [stored] = await handle.db.select().from(creditObjections).where(eq(creditObjections.id, oid));
    expect(stored).toMatchObject({ status: 'completed', outcome: 'modify', resolution: '更正涉及金额' });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, String(entry!.id)));
    expect(audits.find((a) => a.action === 'credit_entry.objection_modify')).toMatchObject({ before: { amount: '5000.00' }, after: { amount: '3000.00' } });
    expect(JSON.stringify(await handle.db.select().from(auditLog))).not.toContain('13900002222');
    await expectNoFullIds();
  });

  it('removes an entry from public view when a repair passes, in one step with the status change', async () => {
    const { moveCreditObjection } = await import('@/app/(admin)/admin/credit/objections/actions');
    const [entry] = await handle.db.select().from(creditEntries).where(eq(creditEntries.name, '江城导入测试食品第2有限公司'));
    expect(await findPublicCreditEntry(handle.db, entry!.id)).not.toBeNull();
    const [objection] = await handle.db
      .insert(creditObjections)
      .values({ trackingNo: 'YY20260101-TEST02', kind: 'repair', entryId: entry!.id, applicantName: '赵六', applicantPhone: '13900003333', explanation: '已整改完毕并缴纳罚款，申请信用修复。', status: 'passed' })
      .returning({ id: creditObjections.id });
    ctx.user = reviewer;
    // A stale entry version rolls the whole step back.
    const stale = await moveCreditObjection({}, form({ id: objection!.id, from: 'passed', action: 'complete', note: '准予修复', outcome: 'remove', entryVersion: entry!.version + 5 }));
    expect(stale.message).toContain('已被他人修改');
    const [unchanged] = await handle.db.select().from(creditObjections).where(eq(creditObjections.id, objection!.id));
    expect(unchanged!.status).toBe('passed');

    await redirected(moveCreditObjection({}, form({ id: objection!.id, from: 'passed', action: 'complete', note: '准予信用修复', outcome: 'remove', entryVersion: entry!.version })));
    expect(await findPublicCreditEntry(handle.db, entry!.id)).toBeNull();
    expect(await findCreditEntryForEdit(handle.db, entry!.id)).toMatchObject({ status: 'removed', statusReason: '准予信用修复' });
    const [history] = await listCreditEntryHistory(handle.db, entry!.id);
    expect(history).toMatchObject({ source: 'objection', before: { status: 'public' }, after: { status: 'removed', statusReason: '准予信用修复' } });
  });
});

describe('bulk insert and the public export', () => {
  it('inserts in chunks inside one transaction and skips stored rows on the second run', async () => {
    const [category] = await handle.db.select().from(creditCategories).where(eq(creditCategories.name, '诚信经营企业'));
    const batchId = (await insertCreditBatch(handle.db, '测试年第9期', editor.id))!;
    const entries: ValidCreditEntry[] = [];
    for (let i = 0; i < 2500; i++) {
      const body = `91420100${String(i).padStart(9, '0')}`;
      const checked = validateCreditEntry(
        { list: 'red', categoryId: category!.id, subjectKind: '法人企业', name: `江城批量${i}有限公司`, creditCode: body + creditCodeCheckChar(body), legalRep: '', idNumber: '', reason: '连续多年依法纳税，诚信经营。', amount: '', authority: '江城市税务局', basisDoc: `江税发〔2026〕${i}号`, decisionDate: decision, listedDate: listed, publicationEnd: '', publicationEndReason: '' },
        [category!],
        today,
      );
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      entries.push(checked.entry);
    }
    expect(await importCreditEntries(handle.db, batchId, entries, editor.id)).toEqual({ ok: true, inserted: 2500, existing: 0 });
    expect(await importCreditEntries(handle.db, batchId, entries, editor.id)).toEqual({ ok: true, inserted: 0, existing: 2500 });
    expect(await entriesOf(batchId)).toHaveLength(2500);
  });

  it('exports only 公示中 entries of published batches, masked as the public pages show them', async () => {
    const [person] = await handle.db.select().from(creditCategories).where(eq(creditCategories.name, '失信被执行人'));
    const batchId = (await insertCreditBatch(handle.db, '测试年第10期', editor.id))!;
    const checked = validateCreditEntry(
      { list: 'black', categoryId: person!.id, subjectKind: '自然人', name: '欧阳导出', creditCode: '', legalRep: '', idNumber: '11010519491231002X', reason: '拒不履行生效判决确定的给付义务。', amount: '100', authority: '江城市中级人民法院', basisDoc: '（2026）江01执9号', decisionDate: decision, listedDate: listed, publicationEnd: '', publicationEndReason: '' },
      [person!],
      today,
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    await importCreditEntries(handle.db, batchId, [checked.entry], editor.id);
    const exported = async () => {
      const rows = [];
      for await (const chunk of iteratePublicCreditExport(handle.db, { batchId })) rows.push(...chunk);
      return rows;
    };
    expect(await exported()).toEqual([]);
    // A second ago: now() has microseconds, the public filter's JS clock milliseconds (same-millisecond race).
    await handle.db.execute(sql`update credit_batches set status = 'published', published_at = now() - interval '1 second' where id = ${batchId}`);
    const rows = await exported();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: '欧**出', idNumberMasked: '110105********002X' });
    expect(JSON.stringify(rows)).not.toContain('11010519491231002X');
    expect(JSON.stringify(rows)).not.toContain('欧阳导出');
  });
});

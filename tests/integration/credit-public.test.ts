// 诚信红黑榜, public side, on both engines: the one public filter (expiry by date alone, unpublished
// batches, removed entries), lookups by name fragment and by checked code, privacy of ID numbers and
// natural persons' names, and citizens' objections (queries and the server actions themselves).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  countPublicCreditByCategory,
  countPublicCreditByList,
  findLatestPublicCreditBatch,
  findPublicCreditBatch,
  findPublicCreditEntry,
  isPublicCreditEntry,
  listPublicCredit,
  listPublicCreditBatches,
  listPublicCreditOfBatch,
  listPublicEntriesOfBatch,
  lookupPublicCredit,
} from '@/db/queries/credit';
import { findObjectionProgress, insertObjection, listObjectionEvents } from '@/db/queries/credit-objections';
import { searchSite } from '@/db/queries/search';
import { seedDemo } from '@/db/seed/demo';
import { auditLog, creditBatches, creditCategories, creditEntries, creditObjectionEvents, creditObjections, privateFiles } from '@/db/schema';
import { addDays, cityDay } from '@/lib/dates';
import { parseCreditLookup } from '@/lib/credit-lookup';
import { engine, freshDatabase } from './helpers';

// The server actions run outside a request: database, request headers and the signed-in user are stubbed;
// attachments go to a temporary data folder.
const ctx = vi.hoisted(() => ({ db: null as unknown, ip: '203.0.113.7' }));
vi.mock('@/server/auth', () => ({ currentUser: async () => null }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, updateTag: () => undefined }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': ctx.ip }) }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => ctx.db }));

const LOGISTICS = '江城市诚信达物流有限公司';
const FULL_ID = /\d{17}[\dX]/g;

let handle: DbHandle;
let today: string;
let storedIds: Set<string>;
let dataDir: string;
const previousDataDir = process.env.DATA_DIR;

/** Every 18-character ID-number-shaped string in the value that is a stored ID number (must be none). */
function leakedIds(value: unknown): string[] {
  const text = JSON.stringify(value);
  const found = [...text.matchAll(FULL_ID)].map((m) => m[0]).filter((s) => storedIds.has(s));
  for (const id of storedIds) if (text.includes(id)) found.push(id);
  return found;
}

async function entryByName(name: string) {
  const [row] = await handle.db.select().from(creditEntries).where(eq(creditEntries.name, name));
  return row!;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'credit-public-'));
  process.env.DATA_DIR = dataDir;
  handle = await freshDatabase();
  ctx.db = handle.db;
  today = cityDay();
  await seedDemo(handle.db, { today });
  const rows = await handle.db.select({ id: creditEntries.idNumber }).from(creditEntries).where(sql`${creditEntries.idNumber} is not null`);
  storedIds = new Set(rows.map((r) => r.id!));
});

afterAll(async () => {
  await handle?.close();
  process.env.DATA_DIR = previousDataDir;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`public credit queries on ${engine}`, () => {
  it('never return a full ID number from any list, lookup, entry or batch query', async () => {
    expect(storedIds.size).toBeGreaterThan(10);
    const results: unknown[] = [];
    for (const list of ['red', 'black'] as const) results.push(await listPublicCredit(handle.db, { list, pageSize: 1000 }));
    const batches = await listPublicCreditBatches(handle.db);
    for (const batch of batches) {
      results.push(await listPublicCreditOfBatch(handle.db, batch.id, { pageSize: 1000 }));
      results.push(await listPublicEntriesOfBatch(handle.db, batch.id, 'black', 1000));
    }
    results.push(batches, await countPublicCreditByCategory(handle.db), await countPublicCreditByList(handle.db), await findLatestPublicCreditBatch(handle.db));
    const people = await handle.db.select({ id: creditEntries.id, idNumber: creditEntries.idNumber }).from(creditEntries).where(eq(creditEntries.subjectKind, '自然人'));
    for (const person of people) {
      results.push(await findPublicCreditEntry(handle.db, person.id));
      // Typing a full ID number finds nothing and echoes nothing.
      results.push(await lookupPublicCredit(handle.db, { fragment: person.idNumber! }));
      results.push(await searchSite(handle.db, person.idNumber!));
    }
    results.push(await lookupPublicCredit(handle.db, { fragment: '江城' }, 1, 1000));
    expect(JSON.stringify(results)).toContain('********'); // masked numbers are there...
    expect(leakedIds(results)).toEqual([]); // ...full ones are not
  });

  it("shows 欧阳建国's entry with a masked ID number and a masked name", async () => {
    const row = await entryByName('欧阳建国');
    const [category] = await handle.db.select().from(creditCategories).where(eq(creditCategories.id, row.categoryId));
    expect(category!.personNameMasking).toBe('masked');
    const entry = await findPublicCreditEntry(handle.db, row.id);
    expect(entry).toMatchObject({ name: '欧**国', idNumberMasked: '420102********1311', subjectKind: '自然人', legalRep: null });
    expect(Object.keys(entry!)).not.toContain('idNumber');
    expect(leakedIds(entry)).toEqual([]);
    // The person cannot be found by name or part of it, in the lookup or in site search.
    for (const fragment of ['欧阳建国', '欧阳', '建国']) {
      const found = await lookupPublicCredit(handle.db, { fragment });
      expect(found.rows.map((r) => r.id)).not.toContain(row.id);
      expect((await searchSite(handle.db, fragment)).credit.map((r) => r.id)).not.toContain(row.id);
    }
  });

  it('finds a company by a fragment of its name and by its code; a changed check character is refused', async () => {
    const company = await entryByName(LOGISTICS);
    const byName = await lookupPublicCredit(handle.db, { fragment: '诚信达物流' });
    expect(byName.rows.map((r) => r.name)).toContain(LOGISTICS);
    expect(byName.total).toBe(byName.rows.length);
    const all = await lookupPublicCredit(handle.db, { fragment: '诚信达' });
    expect(all.rows.map((r) => r.name).sort()).toEqual(['临湖区诚信达便利店', '江城诚信达建材商行', LOGISTICS].sort());

    const code = company.creditCode!;
    const parsed = parseCreditLookup(code.toLowerCase());
    expect(parsed).toEqual({ kind: 'code', code });
    const byCode = await lookupPublicCredit(handle.db, { code });
    expect(byCode).toMatchObject({ total: 1, rows: [{ id: company.id, name: LOGISTICS, creditCode: code }] });

    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(parseCreditLookup(wrong)).toEqual({
      kind: 'badCode',
      code: wrong,
      message: `统一社会信用代码校验位不正确：按前17位计算，第18位应为“${code[17]}”。请核对后重新输入。`,
    });
  });

  it('treats % and _ in a fragment literally', async () => {
    expect((await lookupPublicCredit(handle.db, { fragment: '诚信_物流' })).total).toBe(0);
    expect((await lookupPublicCredit(handle.db, { fragment: '诚信%物流' })).total).toBe(0);
    expect((await lookupPublicCredit(handle.db, { fragment: '%%' })).total).toBe(0);
    expect((await lookupPublicCredit(handle.db, { fragment: '__' })).total).toBe(0);
    // A name that really contains them is found by them.
    const company = await entryByName(LOGISTICS);
    await handle.db.update(creditEntries).set({ name: '江城市100%_诚信商贸有限公司' }).where(eq(creditEntries.id, company.id));
    try {
      expect((await lookupPublicCredit(handle.db, { fragment: '100%_诚信' })).rows.map((r) => r.id)).toEqual([company.id]);
      expect((await lookupPublicCredit(handle.db, { fragment: '0%_' })).total).toBe(1);
    } finally {
      await handle.db.update(creditEntries).set({ name: LOGISTICS }).where(eq(creditEntries.id, company.id));
    }
  });

  it('hides expired entries from every public query, including lookup by exact code', async () => {
    const expired = await handle.db.select().from(creditEntries).where(lt(creditEntries.publicationEnd, today));
    expect(expired.length).toBeGreaterThan(5);
    const listed = new Set<number>();
    for (const list of ['red', 'black'] as const) for (const r of (await listPublicCredit(handle.db, { list, pageSize: 1000 })).rows) listed.add(r.id);
    for (const batch of await listPublicCreditBatches(handle.db)) for (const r of (await listPublicCreditOfBatch(handle.db, batch.id, { pageSize: 1000 })).rows) listed.add(r.id);
    for (const entry of expired) {
      expect(listed.has(entry.id), entry.name).toBe(false);
      expect(await findPublicCreditEntry(handle.db, entry.id)).toBeNull();
      expect(await isPublicCreditEntry(handle.db, entry.id)).toBe(false);
      if (entry.creditCode) expect((await lookupPublicCredit(handle.db, { code: entry.creditCode })).total, entry.creditCode).toBe(0);
      if (entry.subjectKind !== '自然人') {
        expect((await lookupPublicCredit(handle.db, { fragment: entry.name })).rows.map((r) => r.id)).not.toContain(entry.id);
        expect((await searchSite(handle.db, entry.name)).credit.map((r) => r.id)).not.toContain(entry.id);
      }
    }
    const counted = (await countPublicCreditByCategory(handle.db)).reduce((sum, c) => sum + c.n, 0);
    expect(counted).toBe(listed.size);
  });

  it('an entry whose period ended yesterday vanishes by itself; one ending today is still public', async () => {
    const company = await entryByName(LOGISTICS);
    try {
      await handle.db.update(creditEntries).set({ publicationEnd: today }).where(eq(creditEntries.id, company.id));
      expect(await findPublicCreditEntry(handle.db, company.id)).not.toBeNull();
      await handle.db.update(creditEntries).set({ publicationEnd: addDays(today, -1) }).where(eq(creditEntries.id, company.id));
      expect(await findPublicCreditEntry(handle.db, company.id)).toBeNull();
      expect((await lookupPublicCredit(handle.db, { code: company.creditCode! })).total).toBe(0);
      expect((await lookupPublicCredit(handle.db, { fragment: '诚信达物流' })).total).toBe(0);
    } finally {
      await handle.db.update(creditEntries).set({ publicationEnd: company.publicationEnd }).where(eq(creditEntries.id, company.id));
    }
  });

  it('hides removed entries and entries of unpublished or scheduled batches; 404s such batches', async () => {
    const [removed] = await handle.db.select().from(creditEntries).where(eq(creditEntries.status, 'removed')).limit(1);
    expect(await findPublicCreditEntry(handle.db, removed!.id)).toBeNull();
    if (removed!.creditCode) expect((await lookupPublicCredit(handle.db, { code: removed!.creditCode })).total).toBe(0);

    const company = await entryByName(LOGISTICS);
    const [draft] = await handle.db.insert(creditBatches).values({ title: '测试草稿批次', status: 'draft' }).returning();
    const [scheduled] = await handle.db
      .insert(creditBatches)
      .values({ title: '测试定时批次', status: 'published', publishedAt: new Date(Date.now() + 86_400_000) })
      .returning();
    try {
      for (const batch of [draft!, scheduled!]) {
        expect(await findPublicCreditBatch(handle.db, batch.id)).toBeNull();
        expect((await listPublicCreditBatches(handle.db)).map((b) => b.id)).not.toContain(batch.id);
        await handle.db.update(creditEntries).set({ batchId: batch.id }).where(eq(creditEntries.id, company.id));
        expect(await findPublicCreditEntry(handle.db, company.id)).toBeNull();
        expect((await lookupPublicCredit(handle.db, { code: company.creditCode! })).total).toBe(0);
        expect((await listPublicCreditOfBatch(handle.db, batch.id)).total).toBe(0);
      }
    } finally {
      await handle.db.update(creditEntries).set({ batchId: company.batchId }).where(eq(creditEntries.id, company.id));
      await handle.db.delete(creditBatches).where(inArray(creditBatches.id, [draft!.id, scheduled!.id]));
    }
    const latest = await findLatestPublicCreditBatch(handle.db);
    expect(await findPublicCreditBatch(handle.db, latest!.id)).toMatchObject({ id: latest!.id, title: latest!.title });
  });

  it('lists paginate newest decision first and filter by category', async () => {
    const [category] = await handle.db.select().from(creditCategories).where(eq(creditCategories.name, '失信被执行人'));
    const all = await listPublicCredit(handle.db, { list: 'black', categoryId: category!.id, pageSize: 1000 });
    expect(all.total).toBeGreaterThan(5);
    expect(all.rows.every((r) => r.category === '失信被执行人' && r.list === 'black')).toBe(true);
    const dates = all.rows.map((r) => r.decisionDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    const page1 = await listPublicCredit(handle.db, { list: 'black', categoryId: category!.id, page: 1, pageSize: 5 });
    const page2 = await listPublicCredit(handle.db, { list: 'black', categoryId: category!.id, page: 2, pageSize: 5 });
    expect(page1.total).toBe(all.total);
    expect([...page1.rows, ...page2.rows].map((r) => r.id)).toEqual(all.rows.slice(0, 10).map((r) => r.id));
    const red = await listPublicCredit(handle.db, { list: 'red', pageSize: 1000 });
    expect(red.rows.every((r) => r.list === 'red')).toBe(true);
  });
});

describe(`objections on ${engine}`, () => {
  it('saves the application and its first event; finds it only with the right phone', async () => {
    const entry = await entryByName('欧阳建国');
    const numbers = ['YS20260101-AAAAAA', 'YS20260101-AAAAAA', 'YS20260101-BBBBBB'];
    const first = await insertObjection(
      handle.db,
      { kind: 'objection', entryId: entry.id, applicantName: '欧阳建国', applicantPhone: '13800001111', explanation: '该案件已于上月全部履行完毕，法院已出具结案证明，请予更正。', flaggedWords: [] },
      [{ storageKey: 'a'.repeat(32), format: 'pdf', bytes: 1234, originalName: '结案证明.pdf' }],
      () => numbers.shift()!,
    );
    expect(first.trackingNo).toBe('YS20260101-AAAAAA');
    // The same number drawn again is retried with a new one.
    const second = await insertObjection(
      handle.db,
      { kind: 'repair', entryId: entry.id, applicantName: '欧阳建国', applicantPhone: '027-88886666', explanation: '已履行全部义务，申请信用修复，提前移出公示名单。', flaggedWords: [] },
      [],
      () => numbers.shift()!,
    );
    expect(second.trackingNo).toBe('YS20260101-BBBBBB');

    const [file] = await handle.db.select().from(privateFiles).where(eq(privateFiles.id, first.attachmentIds[0]!));
    expect(file).toMatchObject({ purpose: 'objection', ownerId: first.id, originalName: '结案证明.pdf' });
    expect(await listObjectionEvents(handle.db, first.id)).toEqual([expect.objectContaining({ toStatus: 'submitted', note: null })]);
    const [event] = await handle.db.select().from(creditObjectionEvents).where(eq(creditObjectionEvents.objectionId, first.id));
    expect(event).toMatchObject({ fromStatus: null, toStatus: 'submitted', actorName: '申请人' });

    const progress = await findObjectionProgress(handle.db, first.trackingNo, '13800001111');
    expect(progress).toMatchObject({ trackingNo: first.trackingNo, kind: 'objection', status: 'submitted', entry: { id: entry.id, name: '欧**国', category: '失信被执行人', isPublic: true } });
    expect(JSON.stringify(progress)).not.toContain('13800001111');
    expect(await findObjectionProgress(handle.db, first.trackingNo, '13800001112')).toBeNull();
    expect(await findObjectionProgress(handle.db, second.trackingNo, '13800001111')).toBeNull();
    expect(await findObjectionProgress(handle.db, 'YS20260101-CCCCCC', '13800001111')).toBeNull();
    // A landline is found however it is typed at the look-up.
    for (const typed of ['027-88886666', '02788886666', '027 8888 6666', '(027) 8888-6666']) {
      expect(await findObjectionProgress(handle.db, second.trackingNo, typed), typed).toMatchObject({ trackingNo: second.trackingNo });
    }
    expect(await findObjectionProgress(handle.db, second.trackingNo, '027-88886667')).toBeNull();
  });
});

describe(`objection server actions on ${engine}`, () => {
  const explanation = '该笔执行案款已于本月全部履行完毕，附法院结案通知书，请核实后更正公示信息。';

  async function png(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#cc0000' } }).png().toBuffer());
  }

  async function form(fields: Record<string, string>, files: File[] = []) {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    for (const f of files) data.append('attachments', f);
    return data;
  }

  it('submits an objection with an attachment, records the audit entry without the phone, and shows progress', async () => {
    const { submitObjection, lookupObjectionStatus } = await import('@/app/(public)/credit/objection/actions');
    ctx.ip = '203.0.113.10';
    const company = await entryByName(LOGISTICS);
    const fields = { entryId: String(company.id), kind: 'objection', applicantName: '王经理', applicantPhone: '138 0000 2222', explanation, consent: 'on' };
    const state = await submitObjection({}, await form(fields, [new File([await png()], '证明.png', { type: 'image/png' })]));
    expect(state).toMatchObject({ ok: true, trackingNo: expect.stringMatching(new RegExp(`^YS${today.replaceAll('-', '')}-[0-9A-Z]{6}$`)) });
    expect(JSON.stringify(state)).not.toContain('13800002222');

    const [saved] = await handle.db.select().from(creditObjections).where(eq(creditObjections.trackingNo, state.trackingNo!));
    expect(saved).toMatchObject({ kind: 'objection', entryId: company.id, applicantPhone: '13800002222', status: 'submitted', explanation });
    expect(saved!.attachmentIds).toHaveLength(1);
    expect(await readdir(path.join(dataDir, 'private'))).toHaveLength(1);
    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'credit_objection'), eq(auditLog.entityId, String(saved!.id))));
    expect(audit).toMatchObject({ action: 'credit_objection.submit', entityType: 'credit_objection', after: { trackingNo: saved!.trackingNo, entryId: company.id, kind: 'objection' } });
    expect(JSON.stringify(audit)).not.toContain('13800002222');

    const found = await lookupObjectionStatus({}, await form({ trackingNo: ` ${saved!.trackingNo.toLowerCase()} `, phone: '13800002222' }));
    expect(found).toMatchObject({ ok: true, progress: { status: 'submitted', kind: 'objection', entry: { name: LOGISTICS, isPublic: true } } });
    const wrong = await lookupObjectionStatus({}, await form({ trackingNo: saved!.trackingNo, phone: '13800002223' }));
    expect(wrong.progress).toBeUndefined();
    expect(wrong.message).toContain('未查到与该受理编号和联系电话对应的申请');
  });

  it('flags sensitive words without refusing the application', async () => {
    const { submitObjection } = await import('@/app/(public)/credit/objection/actions');
    ctx.ip = '203.0.113.11';
    const company = await entryByName(LOGISTICS);
    const state = await submitObjection(
      {},
      await form({ entryId: String(company.id), kind: 'repair', applicantName: '王经理', applicantPhone: '13800003333', explanation: `${explanation}如需材料请加微信联系。`, consent: 'on' }),
    );
    expect(state.ok).toBe(true);
    const [saved] = await handle.db.select().from(creditObjections).where(eq(creditObjections.trackingNo, state.trackingNo!));
    expect(saved!.flaggedWords).toEqual(['加微信']);
  });

  it('refuses bad input field by field, a bad file by name, and entries not 公示中, saving nothing', async () => {
    const { submitObjection } = await import('@/app/(public)/credit/objection/actions');
    ctx.ip = '203.0.113.12';
    const before = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(creditObjections))[0]!.n;
    const filesBefore = (await readdir(path.join(dataDir, 'private'))).length;
    const company = await entryByName(LOGISTICS);

    const invalid = await submitObjection({}, await form({ entryId: String(company.id), kind: '', applicantName: '王', applicantPhone: '12345', explanation: '太短了' }));
    expect(invalid.fieldErrors).toMatchObject({
      kind: expect.stringContaining('请选择申请类型'),
      applicantName: expect.stringContaining('至少2个字'),
      applicantPhone: expect.stringContaining('手机号'),
      explanation: expect.stringContaining('至少20个字'),
      consent: expect.stringContaining('勾选'),
    });

    const good = { entryId: String(company.id), kind: 'objection', applicantName: '王经理', applicantPhone: '13800004444', explanation, consent: 'on' };
    const badFile = await submitObjection({}, await form(good, [new File([await png()], '好的.png'), new File([new TextEncoder().encode('#!/bin/sh\necho hi\n')], '脚本.png')]));
    expect(badFile.fieldErrors?.attachments).toContain('脚本.png');
    expect(badFile.values?.applicantName).toBe('王经理');

    const tooMany = await submitObjection({}, await form(good, await Promise.all(Array.from({ length: 6 }, async (_, i) => new File([await png()], `${i}.png`)))));
    expect(tooMany.fieldErrors?.attachments).toContain('最多上传5个文件');

    const [expired] = await handle.db.select().from(creditEntries).where(lt(creditEntries.publicationEnd, today)).limit(1);
    const gone = await submitObjection({}, await form({ ...good, entryId: String(expired!.id) }));
    expect(gone.fieldErrors?.entryId).toContain('已不在公示期内');

    expect((await handle.db.select({ n: sql<number>`count(*)::int` }).from(creditObjections))[0]!.n).toBe(before);
    expect(await readdir(path.join(dataDir, 'private'))).toHaveLength(filesBefore);
  });
});

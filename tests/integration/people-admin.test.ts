// 好人榜 in the editors' area on both engines: versioned person saves, whole-batch review (one
// transaction, visible through publicPeople()), recommendations, comment moderation and batch statistics;
// then the server actions themselves, with the signed-in user stubbed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { listAuditEntries } from '@/db/queries/audit';
import { createBatch, findBatch, findBatchByMonth, moveBatch, setPersonBatch } from '@/db/queries/people-admin/batches';
import { listCommentsForModeration, moderateComment } from '@/db/queries/people-admin/comments';
import { createPerson, findPersonForEdit, listAdminPeople, monthBounds, movePerson, savePersonVersion, type PersonFields } from '@/db/queries/people-admin/people';
import { acceptRecommendation, findRecommendation, rejectRecommendation } from '@/db/queries/people-admin/recommendations';
import { batchStats } from '@/db/queries/people-admin/statistics';
import { publicPeople } from '@/db/queries/people';
import { findMediaByKey } from '@/db/queries/media';
import { insertPrivateFile } from '@/db/queries/private-files';
import { getSetting } from '@/db/queries/settings';
import { insertUser, type AuthUser } from '@/db/queries/users';
import { listReviewEvents } from '@/db/queries/workflow';
import { goodPeople, goodPeopleBatches, goodPersonCommentReports, goodPersonComments, goodPersonRecommendations } from '@/db/schema';
import type { ActionState } from '@/server/actions';
import { cityDay } from '@/lib/dates';
import { storeCitizenFile } from '@/server/private-files';
import { engine, freshDatabase } from './helpers';
import { actionContext as ctx } from './action-context';

let handle: DbHandle;
let editor: AuthUser;
let reviewer: AuthUser;
let admin: AuthUser;

const asAuth = (u: Awaited<ReturnType<typeof insertUser>>): AuthUser => ({ ...u, disabled: false, sessionVersion: 1 });
const DEED = '多年来坚持义务照顾社区里的三位孤寡老人，风雨无阻，被邻居们亲切地称为“编外女儿”。';

function fields(overrides: Partial<PersonFields> = {}): PersonFields {
  return {
    name: '王秀兰',
    photo: null,
    photoAlt: null,
    gender: '女',
    birthYear: 1968,
    region: '东湖区 滨江街道 幸福社区',
    unit: null,
    category: '助人为乐',
    level: '身边好人',
    batchId: null,
    term: null,
    deed: DEED,
    story: '她每天早上为老人送早餐。',
    honors: '',
    ...overrides,
  };
}

async function publicIdsOfBatch(batchId: number): Promise<number[]> {
  const rows = await handle.db
    .select({ id: goodPeople.id })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(publicPeople(), eq(goodPeople.batchId, batchId)));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

let receiptSeq = 0;
async function insertRecommendation(values: Partial<typeof goodPersonRecommendations.$inferInsert> = {}) {
  receiptSeq += 1;
  const [row] = await handle.db
    .insert(goodPersonRecommendations)
    .values({
      receiptNo: `TJ20310401-TEST${String(receiptSeq).padStart(2, '0')}`,
      nomineeName: '李建国',
      region: '西山区 工农街道 和平社区',
      category: '见义勇为',
      deed: '在湖边跳入冰冷的湖水中救起一名落水儿童，随后悄悄离开，没有留下姓名。',
      story: '那天傍晚……',
      recommenderName: '赵敏',
      recommenderPhone: '13800001234',
      ...values,
    })
    .returning();
  return row!;
}

beforeAll(async () => {
  handle = await freshDatabase();
  ctx.db = handle.db;
  editor = asAuth(await insertUser(handle.db, { username: 'gp-editor', displayName: '好人编辑', role: 'editor', passwordHash: 'x' }));
  reviewer = asAuth(await insertUser(handle.db, { username: 'gp-reviewer', displayName: '好人审核', role: 'reviewer', passwordHash: 'x' }));
  admin = asAuth(await insertUser(handle.db, { username: 'gp-admin', displayName: '站点管理员', role: 'admin', passwordHash: 'x' }));
});

afterAll(async () => {
  await handle?.close();
});

describe(`people and batches on ${engine}`, () => {
  it('creates a draft and refuses a stale save without changing anything', async () => {
    const id = await createPerson(handle.db, fields(), editor.id);
    expect(await findPersonForEdit(handle.db, id)).toMatchObject({ status: 'draft', version: 1, name: '王秀兰' });
    const first = await savePersonVersion(handle.db, id, 1, fields({ unit: '幸福社区居委会' }), editor.id);
    expect(first).toMatchObject({ ok: true, changed: true, version: 2, before: { unit: null }, after: { unit: '幸福社区居委会' } });
    const stale = await savePersonVersion(handle.db, id, 1, fields({ name: '王秀英' }), editor.id);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', version: 2 });
    expect(await findPersonForEdit(handle.db, id)).toMatchObject({ version: 2, name: '王秀兰', unit: '幸福社区居委会' });
    expect(await savePersonVersion(handle.db, id, 2, fields({ unit: '幸福社区居委会' }), editor.id)).toMatchObject({ ok: true, changed: false, version: 2 });
  });

  it('lists people with filters by batch, level, category and name fragment', async () => {
    const batch = (await createBatch(handle.db, { month: '2030-01', title: '2030年1月 身边好人榜' }))!;
    const inBatch = await createPerson(handle.db, fields({ name: '陈志远', batchId: batch.id, category: '敬业奉献' }), editor.id);
    await createPerson(handle.db, fields({ name: '陈志强', level: '道德模范', term: 5, category: '敬业奉献' }), editor.id);
    expect((await listAdminPeople(handle.db, { batchId: batch.id }, 1, 20)).items.map((p) => p.id)).toEqual([inBatch]);
    const models = await listAdminPeople(handle.db, { level: '道德模范', q: '志' }, 1, 20);
    expect(models.items.map((p) => p.name)).toEqual(['陈志强']);
    expect((await listAdminPeople(handle.db, { q: '100%' }, 1, 20)).total).toBe(0);
    // Two characters through the name's bigrams, more through its trigrams: the same rows as a plain ILIKE.
    expect((await listAdminPeople(handle.db, { q: '志远' }, 1, 20)).items.map((p) => p.name)).toEqual(['陈志远']);
    expect((await listAdminPeople(handle.db, { q: '陈志', category: '敬业奉献' }, 1, 20)).items.map((p) => p.name).sort()).toEqual(['陈志强', '陈志远']);
    expect((await listAdminPeople(handle.db, { q: '陈志强' }, 1, 20)).items.map((p) => p.name)).toEqual(['陈志强']);
    expect((await listAdminPeople(handle.db, { category: '敬业奉献', batchId: 'none' }, 1, 20)).items.map((p) => p.name)).toEqual(['陈志强']);
  });

  it('refuses a second batch for the same month', async () => {
    expect(await createBatch(handle.db, { month: '2030-02', title: 'A' })).not.toBeNull();
    expect(await createBatch(handle.db, { month: '2030-02', title: 'B' })).toBeNull();
    expect((await findBatchByMonth(handle.db, '2030-02'))!.title).toBe('A');
  });

  it('refuses to submit an empty batch', async () => {
    const batch = (await createBatch(handle.db, { month: '2030-03', title: '2030年3月 身边好人榜' }))!;
    const result = await moveBatch(handle.db, batch.id, 'submit', editor);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('还没有待提交的人物') });
    expect((await findBatch(handle.db, batch.id))!.status).toBe('draft');
  });

  it('submits a batch with its people, and publishes all of them at once on approval', async () => {
    const batch = (await createBatch(handle.db, { month: '2030-04', title: '2030年4月 身边好人榜' }))!;
    const a = await createPerson(handle.db, fields({ name: '甲', batchId: batch.id }), editor.id);
    const b = await createPerson(handle.db, fields({ name: '乙', batchId: batch.id, level: '市级好人' }), editor.id);
    expect(await publicIdsOfBatch(batch.id)).toEqual([]);

    expect(await moveBatch(handle.db, batch.id, 'approve', reviewer)).toMatchObject({ ok: false }); // still a draft
    expect(await moveBatch(handle.db, batch.id, 'submit', editor)).toMatchObject({ ok: true, from: 'draft', to: 'pending' });
    expect((await findPersonForEdit(handle.db, a))!.status).toBe('pending');
    // Pending: no one may move people in or out.
    expect(await setPersonBatch(handle.db, a, null, editor.id)).toMatchObject({ ok: false });

    expect(await moveBatch(handle.db, batch.id, 'approve', editor)).toEqual({ ok: false, message: '您的角色不能执行“审核通过并发布”。' });
    const approved = await moveBatch(handle.db, batch.id, 'approve', reviewer);
    expect(approved).toMatchObject({ ok: true, to: 'published', people: [{ id: a }, { id: b }] });
    const published = await findBatch(handle.db, batch.id);
    const [pa, pb] = [await findPersonForEdit(handle.db, a), await findPersonForEdit(handle.db, b)];
    expect(published).toMatchObject({ status: 'published' });
    expect([pa!.status, pb!.status]).toEqual(['published', 'published']);
    // One instant for the batch and every person.
    expect(pa!.publishedAt!.getTime()).toBe(published!.publishedAt!.getTime());
    expect(pb!.publishedAt!.getTime()).toBe(published!.publishedAt!.getTime());
    expect(await publicIdsOfBatch(batch.id)).toEqual([a, b].sort((x, y) => x - y));

    expect((await listReviewEvents(handle.db, 'people_batch', batch.id)).map((e) => [e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['draft', 'pending', '好人编辑'],
      ['pending', 'published', '好人审核'],
    ]);
    expect((await listReviewEvents(handle.db, 'good_person', a)).map((e) => e.toStatus)).toEqual(['pending', 'published']);

    expect(await moveBatch(handle.db, batch.id, 'takeOffline', reviewer)).toMatchObject({ ok: false, message: expect.stringContaining('须填写理由') });
    expect(await moveBatch(handle.db, batch.id, 'takeOffline', reviewer, { reason: '信息有误，需核实' })).toMatchObject({ ok: true, to: 'offline' });
    expect(await publicIdsOfBatch(batch.id)).toEqual([]);
  });

  it('rejects a batch with its reason, and the people go back to the editors', async () => {
    const batch = (await createBatch(handle.db, { month: '2030-05', title: '2030年5月 身边好人榜' }))!;
    const a = await createPerson(handle.db, fields({ batchId: batch.id }), editor.id);
    await moveBatch(handle.db, batch.id, 'submit', editor);
    expect(await moveBatch(handle.db, batch.id, 'reject', reviewer, { reason: '' })).toMatchObject({ ok: false });
    expect(await moveBatch(handle.db, batch.id, 'reject', reviewer, { reason: '第二位人物事迹需补充材料' })).toMatchObject({ ok: true, to: 'rejected' });
    expect((await findBatch(handle.db, batch.id))!.status).toBe('rejected');
    expect((await findPersonForEdit(handle.db, a))!.status).toBe('rejected');
    const events = await listReviewEvents(handle.db, 'people_batch', batch.id);
    expect(events.at(-1)).toMatchObject({ toStatus: 'rejected', reason: '第二位人物事迹需补充材料' });
    // Resubmitting takes the rejected people along again.
    expect(await moveBatch(handle.db, batch.id, 'submit', editor)).toMatchObject({ ok: true, people: [{ id: a, from: 'rejected' }] });
  });

  it('keeps 道德模范 out of batches and runs their own review', async () => {
    const batch = (await createBatch(handle.db, { month: '2030-06', title: '2030年6月 身边好人榜' }))!;
    const model = await createPerson(handle.db, fields({ level: '道德模范', term: 5 }), editor.id);
    expect(await setPersonBatch(handle.db, model, batch.id, editor.id)).toMatchObject({ ok: false, message: expect.stringContaining('道德模范') });
    expect(await movePerson(handle.db, model, 'submit', editor)).toMatchObject({ ok: true, to: 'pending' });
    expect(await movePerson(handle.db, model, 'approve', reviewer)).toMatchObject({ ok: true, to: 'published' });
    const inBatch = await createPerson(handle.db, fields({ batchId: batch.id }), editor.id);
    expect(await movePerson(handle.db, inBatch, 'submit', editor)).toMatchObject({ ok: false, message: expect.stringContaining('随榜单') });
  });
});

describe(`recommendations on ${engine}`, () => {
  it('accepts into this month’s batch, creating the batch when missing, and links the draft person', async () => {
    expect(await findBatchByMonth(handle.db, '2031-04')).toBeNull();
    const rec = await insertRecommendation();
    const result = await acceptRecommendation(handle.db, rec.id, editor, { month: '2031-04' });
    if (!result.ok) throw new Error(result.message);
    const batch = await findBatchByMonth(handle.db, '2031-04');
    expect(batch).toMatchObject({ id: result.batchId, title: '2031年4月 身边好人榜', status: 'draft' });
    expect(await findPersonForEdit(handle.db, result.personId)).toMatchObject({ name: '李建国', category: '见义勇为', level: '身边好人', status: 'draft', batchId: batch!.id, region: rec.region, deed: rec.deed });
    expect(await findRecommendation(handle.db, rec.id)).toMatchObject({ status: 'accepted', personId: result.personId, handledBy: editor.id });
    // Accepted once only; a second one goes into the same month's batch.
    expect(await acceptRecommendation(handle.db, rec.id, editor, { month: '2031-04' })).toMatchObject({ ok: false });
    const second = await acceptRecommendation(handle.db, (await insertRecommendation({ nomineeName: '周红' })).id, editor, { month: '2031-04' });
    expect(second).toMatchObject({ ok: true, batchId: batch!.id });
  });

  it('refuses a batch that is no longer open, changing nothing', async () => {
    const batch = (await createBatch(handle.db, { month: '2031-05', title: '2031年5月 身边好人榜' }))!;
    await createPerson(handle.db, fields({ batchId: batch.id }), editor.id);
    await moveBatch(handle.db, batch.id, 'submit', editor);
    const rec = await insertRecommendation();
    expect(await acceptRecommendation(handle.db, rec.id, editor, { month: '2031-05' })).toMatchObject({ ok: false, message: expect.stringContaining('正在审核或已发布') });
    expect((await findRecommendation(handle.db, rec.id))!.status).toBe('pending');
  });

  it('rejects with the reason stored for the citizen', async () => {
    const rec = await insertRecommendation();
    expect(await rejectRecommendation(handle.db, rec.id, '事迹无法核实，欢迎补充材料后重新推荐', editor)).toBe(true);
    expect(await findRecommendation(handle.db, rec.id)).toMatchObject({ status: 'rejected', rejectReason: '事迹无法核实，欢迎补充材料后重新推荐', handledBy: editor.id });
    expect(await rejectRecommendation(handle.db, rec.id, '再次', editor)).toBe(false);
  });
});

describe(`comment moderation on ${engine}`, () => {
  async function insertComment(personId: number, values: Partial<typeof goodPersonComments.$inferInsert> = {}) {
    const [row] = await handle.db.insert(goodPersonComments).values({ personId, body: '向王阿姨学习！', ...values }).returning();
    return row!;
  }

  it('approves and rejects pending comments; the queue holds pending and hidden ones', async () => {
    const person = await createPerson(handle.db, fields(), editor.id);
    const a = await insertComment(person);
    const b = await insertComment(person, { body: '加微信领红包', flaggedWords: ['加微信'] });
    const queue = await listCommentsForModeration(handle.db, 'queue', 1, 50);
    expect(queue.items.filter((c) => c.personId === person).map((c) => c.id)).toEqual([a.id, b.id]);
    expect(await moderateComment(handle.db, a.id, 'approve', reviewer)).toMatchObject({ from: 'pending', to: 'approved' });
    expect(await moderateComment(handle.db, b.id, 'reject', reviewer, { reason: '广告' })).toMatchObject({ to: 'rejected' });
    expect(await moderateComment(handle.db, b.id, 'approve', reviewer)).toBeNull(); // already decided
    const [rowB] = await handle.db.select().from(goodPersonComments).where(eq(goodPersonComments.id, b.id));
    expect(rowB).toMatchObject({ status: 'rejected', rejectReason: '广告', moderatedBy: reviewer.id });
  });

  it('approving a comment hidden by reports clears its reports so it can be reported again', async () => {
    const person = await createPerson(handle.db, fields(), editor.id);
    const c = await insertComment(person, { status: 'hidden', reportCount: 3 });
    await handle.db.insert(goodPersonCommentReports).values(['k1', 'k2', 'k3'].map((reporterKey) => ({ commentId: c.id, reporterKey })));
    expect(await moderateComment(handle.db, c.id, 'approve', reviewer)).toMatchObject({ from: 'hidden', to: 'approved', reportCount: 3 });
    const [row] = await handle.db.select().from(goodPersonComments).where(eq(goodPersonComments.id, c.id));
    expect(row).toMatchObject({ status: 'approved', reportCount: 0 });
    expect(await handle.db.select().from(goodPersonCommentReports).where(eq(goodPersonCommentReports.commentId, c.id))).toEqual([]);
    await handle.db.insert(goodPersonCommentReports).values({ commentId: c.id, reporterKey: 'k1' }); // the same browser may report again
  });
});

describe(`batch statistics on ${engine}`, () => {
  it('counts the month’s recommendations in city time, those accepted into the batch, likes and views', async () => {
    const { from, to } = monthBounds('2032-04');
    expect(from.toISOString()).toBe('2032-03-31T16:00:00.000Z');
    expect(to.toISOString()).toBe('2032-04-30T16:00:00.000Z');
    await insertRecommendation({ createdAt: new Date('2032-03-31T15:59:00Z') }); // 23:59 on 31 March, city time
    const inMonth = await insertRecommendation({ createdAt: new Date('2032-03-31T16:30:00Z') });
    await insertRecommendation({ createdAt: new Date('2032-04-30T16:00:00Z') }); // 1 May, city time
    const accepted = await acceptRecommendation(handle.db, inMonth.id, editor, { month: '2032-04' });
    if (!accepted.ok) throw new Error(accepted.message);
    const batchId = accepted.batchId;
    const other = await createPerson(handle.db, fields({ name: '赵六', batchId }), editor.id);
    await handle.db.update(goodPeople).set({ likeCount: 12, viewCount: 300 }).where(eq(goodPeople.id, accepted.personId));
    await handle.db.update(goodPeople).set({ likeCount: 30, viewCount: 100 }).where(eq(goodPeople.id, other));
    const stats = await batchStats(handle.db, batchId);
    expect(stats).toMatchObject({ month: '2032-04', received: 1, accepted: 1, likes: 42, views: 400 });
    expect(stats!.people.map((p) => [p.name, p.likeCount, p.viewCount])).toEqual([
      ['赵六', 30, 100],
      ['李建国', 12, 300],
    ]);
    // The one sent at 00:00 on 1 May (city time) counts for May.
    const may = (await createBatch(handle.db, { month: '2032-05', title: '2032年5月 身边好人榜' }))!;
    expect(await batchStats(handle.db, may.id)).toMatchObject({ received: 1, accepted: 0, likes: 0, views: 0, people: [] });
  });
});

describe(`server actions on ${engine}`, () => {
  const form = (values: Record<string, string | number>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, String(v));
    return data;
  };
  const personForm = (overrides: Record<string, string> = {}) => ({
    name: '孙丽',
    photo: '',
    gender: '女',
    birthYear: '1975',
    region: '东湖区 滨江街道 幸福社区',
    unit: '',
    category: '孝老爱亲',
    level: '身边好人',
    batchId: '',
    term: '',
    deed: DEED,
    story: '',
    honors: '',
    ...overrides,
  });
  const digestOf = (e: unknown) => String((e as { digest?: string }).digest ?? '');

  it('creates a person, refuses bad input next to the fields, and refuses a stale save keeping the text', async () => {
    const { createGoodPerson, saveGoodPerson } = await import('@/app/(admin)/admin/good-people/actions');
    ctx.user = editor;
    const bad = await createGoodPerson({}, form(personForm({ deed: '太短的事迹', birthYear: '1890', level: '道德模范' })));
    expect(bad.fieldErrors).toMatchObject({ deed: '一句话事迹至少30个字，目前5个字', birthYear: expect.stringContaining('1900'), term: expect.stringContaining('届次') });
    expect(bad.values?.deed).toBe('太短的事迹');

    const redirect = digestOf(await createGoodPerson({}, form(personForm())).catch((e: unknown) => e));
    const id = Number(/\/admin\/good-people\/(\d+)\?created=1/.exec(redirect)![1]);
    expect(await findPersonForEdit(handle.db, id)).toMatchObject({ name: '孙丽', birthYear: 1975, gender: '女', unit: null, version: 1 });

    ctx.user = reviewer;
    expect(await saveGoodPerson({}, form({ ...personForm({ unit: '东湖区敬老院' }), id, version: 1 }))).toMatchObject({ ok: true, version: 2 });
    ctx.user = editor;
    const stale = (await saveGoodPerson({}, form({ ...personForm({ honors: '区级孝老爱亲模范' }), id, version: 1 }))) as ActionState;
    expect(stale.ok).toBeUndefined();
    expect(stale.message).toMatch(/^保存失败：此人物信息已被他人于 .+ 修改（现为版本 2，您编辑的是版本 1）/);
    expect(stale.values?.honors).toBe('区级孝老爱亲模范');
    expect(await findPersonForEdit(handle.db, id)).toMatchObject({ version: 2, unit: '东湖区敬老院', honors: '' });
    const audit = await listAuditEntries(handle.db, { entityType: 'good_person', entityId: String(id) }, 1, 10);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['good_person.create', 'good_person.update']);
  });

  it('runs the batch journey through the actions: create month, add a person, submit, approve, audit and cache tags', async () => {
    const { createPeopleBatch, reviewPeopleBatch, addPersonToBatch } = await import('@/app/(admin)/admin/good-people/batches/actions');
    ctx.user = editor;
    const redirect = digestOf(await createPeopleBatch({}, form({ month: '2033-07', title: '' })).catch((e: unknown) => e));
    const batchId = Number(/batches\/(\d+)\?created=1/.exec(redirect)![1]);
    expect((await findBatch(handle.db, batchId))!.title).toBe('2033年7月 身边好人榜');
    expect((await createPeopleBatch({}, form({ month: '2033-07', title: '' }))).fieldErrors?.month).toContain('已存在');
    expect((await createPeopleBatch({}, form({ month: '2033-13', title: '' }))).fieldErrors?.month).toContain('格式');

    expect((await reviewPeopleBatch({}, form({ id: batchId, action: 'submit' }))).message).toContain('还没有待提交的人物');
    const person = await createPerson(handle.db, fields({ name: '钱七' }), editor.id);
    expect(await addPersonToBatch({}, form({ batchId, personId: person }))).toMatchObject({ ok: true });
    expect((await findPersonForEdit(handle.db, person))!.batchId).toBe(batchId);

    ctx.tags.length = 0;
    expect(digestOf(await reviewPeopleBatch({}, form({ id: batchId, action: 'submit' })).catch((e: unknown) => e))).toContain(`batches/${batchId}?done=submit`);
    expect((await reviewPeopleBatch({}, form({ id: batchId, action: 'approve' }))).message).toBe('您的角色不能执行“审核通过并发布”。');
    ctx.user = reviewer;
    expect((await reviewPeopleBatch({}, form({ id: batchId, action: 'reject', reason: '' }))).fieldErrors?.reason).toBe('请填写“退回修改”的理由');
    expect(digestOf(await reviewPeopleBatch({}, form({ id: batchId, action: 'approve' })).catch((e: unknown) => e))).toContain('done=approve');
    expect(ctx.tags).toContain('people');
    expect(await publicIdsOfBatch(batchId)).toEqual([person]);
    const audit = await listAuditEntries(handle.db, { entityType: 'people_batch', entityId: String(batchId) }, 1, 10);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['people_batch.approve', 'people_batch.create', 'people_batch.submit']);
    expect(audit.rows.find((r) => r.action === 'people_batch.approve')!.after).toMatchObject({ status: 'published', peopleIds: [person] });
  });

  it('checks the voting window: both days, end not before start', async () => {
    const { updatePeopleBatch } = await import('@/app/(admin)/admin/good-people/batches/actions');
    ctx.user = editor;
    const batch = (await createBatch(handle.db, { month: '2033-08', title: '2033年8月 身边好人榜' }))!;
    const base = { id: batch.id, version: batch.version, title: batch.title };
    expect((await updatePeopleBatch({}, form({ ...base, votingStart: '2033-08-20', votingEnd: '2033-08-10' }))).fieldErrors?.votingEnd).toBe('结束日期不能早于开始日期');
    expect((await updatePeopleBatch({}, form({ ...base, votingStart: '2033-08-20', votingEnd: '' }))).fieldErrors?.votingEnd).toContain('结束日期');
    expect(await updatePeopleBatch({}, form({ ...base, votingStart: '2033-08-10', votingEnd: '2033-08-20' }))).toMatchObject({ ok: true });
    expect(await findBatch(handle.db, batch.id)).toMatchObject({ votingStart: '2033-08-10', votingEnd: '2033-08-20', version: 2 });
    expect((await updatePeopleBatch({}, form({ ...base, votingStart: '', votingEnd: '' }))).message).toContain('刚被他人修改');
  });

  it('rejects a recommendation with a required reason and approves a hidden comment, both audited without the phone', async () => {
    const { rejectPeopleRecommendation } = await import('@/app/(admin)/admin/good-people/recommendations/actions');
    const { moderatePeopleComment } = await import('@/app/(admin)/admin/good-people/comments/actions');
    ctx.user = editor;
    const rec = await insertRecommendation();
    expect((await rejectPeopleRecommendation({}, form({ id: rec.id, reason: '' }))).fieldErrors?.reason).toContain('理由');
    expect(await rejectPeopleRecommendation({}, form({ id: rec.id, reason: '与已发布人物重复' }))).toMatchObject({ ok: true });
    expect((await findRecommendation(handle.db, rec.id))!.rejectReason).toBe('与已发布人物重复');
    const recAudit = await listAuditEntries(handle.db, { entityType: 'good_person_recommendation', entityId: String(rec.id) }, 1, 10);
    expect(recAudit.rows.map((r) => r.action)).toEqual(['recommendation.reject']);
    expect(JSON.stringify(recAudit.rows)).not.toContain('13800001234');

    const person = await createPerson(handle.db, fields(), editor.id);
    const [c] = await handle.db.insert(goodPersonComments).values({ personId: person, body: '好样的', status: 'hidden', reportCount: 3 }).returning();
    expect(await moderatePeopleComment({}, form({ id: c!.id, decision: 'approve' }))).toMatchObject({ ok: true });
    const audit = await listAuditEntries(handle.db, { entityType: 'good_person_comment', entityId: String(c!.id) }, 1, 10);
    expect(audit.rows[0]).toMatchObject({ action: 'comment.approve', before: { status: 'hidden', reportCount: 3 }, after: { status: 'approved', reportCount: 0 } });
  });

  it('accepts a recommendation with its first photo turned into a media-library image', async () => {
    const { acceptPeopleRecommendation } = await import('@/app/(admin)/admin/good-people/recommendations/actions');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'people-admin-'));
    const previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dir;
    try {
      const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a03030' } }).png().toBuffer();
      const stored = await storeCitizenFile(new Uint8Array(png), { allowPdf: false });
      const fileId = await insertPrivateFile(handle.db, { ...stored, purpose: 'recommendation', originalName: 'photo.png' });
      const rec = await insertRecommendation({ nomineeName: '吴桂芳', photoIds: [fileId] });
      ctx.user = editor;
      const redirect = digestOf(await acceptPeopleRecommendation({}, form({ id: rec.id, batchId: '', usePhoto: 'on' })).catch((e: unknown) => e));
      const personId = Number(/\/admin\/good-people\/(\d+)\?created=1&from=recommendation/.exec(redirect)![1]);
      const person = await findPersonForEdit(handle.db, personId);
      expect(person).toMatchObject({ name: '吴桂芳', photoAlt: '吴桂芳照片', batchMonth: cityDay().slice(0, 7), status: 'draft' });
      const media = await findMediaByKey(handle.db, person!.photo!);
      expect(media).toMatchObject({ alt: '吴桂芳照片' });
      expect(fs.existsSync(path.join(dir, 'uploads', person!.photo!, '800.webp'))).toBe(true);
      expect(await findRecommendation(handle.db, rec.id)).toMatchObject({ status: 'accepted', personId });
      const audit = await listAuditEntries(handle.db, { entityType: 'good_person_recommendation', entityId: String(rec.id) }, 1, 10);
      expect(audit.rows.map((r) => r.action)).toEqual(['recommendation.accept']);
    } finally {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('saves the sensitive-word list from the settings page (admins only), audited', async () => {
    const { updateSensitiveWords } = await import('@/app/(admin)/admin/settings/actions');
    ctx.user = editor;
    expect((await updateSensitiveWords({}, form({ words: '诈骗' }))).message).toBe('您没有执行此操作的权限。');
    ctx.user = admin;
    expect(await updateSensitiveWords({}, form({ words: '诈骗\n 赌博 \n\n诈骗，刷单' }))).toMatchObject({ ok: true });
    expect(await getSetting(handle.db, 'sensitiveWords')).toEqual(['诈骗', '赌博', '刷单']);
    expect((await updateSensitiveWords({}, form({ words: '很'.repeat(31) }))).fieldErrors?.words).toContain('30');
    const audit = await listAuditEntries(handle.db, { entityType: 'setting', entityId: 'sensitiveWords' }, 1, 10);
    expect(audit.rows[0]).toMatchObject({ action: 'settings.update', after: { sensitiveWords: ['诈骗', '赌博', '刷单'] } });
  });
});

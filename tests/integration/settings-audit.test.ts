// Site settings, credit-category rules and the audit log (filters, batched export, CSV lines) on both engines.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { findAuditNames, insertAuditEntry, iterateAuditEntries, listAuditActions, listAuditEntries, type AuditFilter } from '@/db/queries/audit';
import { auditChanges, auditRefsOf } from '@/lib/audit-labels';
import { findCreditCategory, listCreditCategories, updateCreditCategory } from '@/db/queries/credit-categories';
import { periodRuleError } from '@/lib/periods';
import { auditLog, creditCategories, newsChannels, users } from '@/db/schema';
import { parseAuditFilter, filterQuery } from '@/app/(admin)/admin/audit/filters';
import { AUDIT_CSV_HEADER, auditCsvLine, auditCsvStream } from '@/app/(admin)/admin/audit/export/audit-csv';
import { engine, freshDatabase } from './helpers';

const filterOf = (params: Record<string, string>) => parseAuditFilter((name) => params[name]);

describe(`credit categories on ${engine}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase();
    await handle.db.insert(creditCategories).values([
      { list: 'black', name: '失信被执行人', periodMonths: 24, sortOrder: 1 },
      { list: 'black', name: '食品药品安全', periodMonths: 12, sortOrder: 2 },
      { list: 'red', name: '诚信经营企业', periodMonths: 24, sortOrder: 1 },
    ]);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('lists red before black, each in sort order', async () => {
    const rows = await listCreditCategories(handle.db);
    expect(rows.map((r) => r.name)).toEqual(['诚信经营企业', '失信被执行人', '食品药品安全']);
    expect(rows[1]).toMatchObject({ list: 'black', periodMonths: 24, personNameMasking: 'masked' });
  });

  it('updates period and masking, returning before and after, and keeps them', async () => {
    const [court] = (await listCreditCategories(handle.db)).filter((r) => r.name === '失信被执行人');
    const result = await updateCreditCategory(handle.db, court!.id, { periodMonths: 6, personNameMasking: 'full' });
    expect(result).toEqual({ name: '失信被执行人', before: { periodMonths: 24, personNameMasking: 'masked' }, after: { periodMonths: 6, personNameMasking: 'full' } });
    expect(await findCreditCategory(handle.db, court!.id)).toMatchObject({ periodMonths: 6, personNameMasking: 'full' });
  });

  it('refuses periods the national rule does not allow, even when called directly', async () => {
    const [food] = (await listCreditCategories(handle.db)).filter((r) => r.name === '食品药品安全');
    await expect(updateCreditCategory(handle.db, food!.id, { periodMonths: 6, personNameMasking: 'masked' })).rejects.toThrow(/refused/);
    expect(await findCreditCategory(handle.db, food!.id)).toMatchObject({ periodMonths: 12 });
    expect(await updateCreditCategory(handle.db, 999_999, { periodMonths: 12, personNameMasking: 'masked' })).toBeNull();
  });

  it('works inside an outer transaction (the action writes its audit entry in the same one)', async () => {
    const [shop] = (await listCreditCategories(handle.db)).filter((r) => r.name === '诚信经营企业');
    await handle.db.transaction(async (tx) => {
      const result = await updateCreditCategory(tx, shop!.id, { periodMonths: 36, personNameMasking: 'masked' });
      await insertAuditEntry(tx, { actorName: 'test', action: 'credit_category.update', entityType: 'credit_category', entityId: String(shop!.id), before: result!.before, after: result!.after });
    });
    expect(await findCreditCategory(handle.db, shop!.id)).toMatchObject({ periodMonths: 36 });
  });

  it('applies the period rule: 3-36 whole months, at least 12 for food, drugs and work safety', () => {
    expect(periodRuleError('失信被执行人', 3)).toBeNull();
    expect(periodRuleError('失信被执行人', 36)).toBeNull();
    expect(periodRuleError('失信被执行人', 2)).toMatch(/3-36/);
    expect(periodRuleError('失信被执行人', 37)).toMatch(/3-36/);
    expect(periodRuleError('拖欠农民工工资', 6.5)).toMatch(/整数/);
    expect(periodRuleError('食品药品安全', 11)).toBe('食品药品、安全生产类公示期不少于12个月');
    expect(periodRuleError('安全生产', 6)).toBe('食品药品、安全生产类公示期不少于12个月');
    expect(periodRuleError('食品安全示范店', 12)).toBeNull();
    expect(periodRuleError('安全生产', 12)).toBeNull();
  });
});

describe(`audit log on ${engine}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase();
    const db = handle.db;
    // 2026-03-01 00:30 and 23:59 in Shanghai are on the 1st; 2026-03-02 00:00 is not.
    await insertAuditEntry(db, { at: new Date('2026-02-28T15:59:00Z'), actorName: '王编辑（wang）', ip: '10.0.0.1', action: 'signin', entityType: 'user', entityId: '2' });
    await insertAuditEntry(db, { at: new Date('2026-02-28T16:30:00Z'), actorName: '张管理（admin）', ip: '10.0.0.2', action: 'settings.update', entityType: 'setting', entityId: 'siteInfo', before: { city: '本市' }, after: { city: '江城市' } });
    await insertAuditEntry(db, { at: new Date('2026-03-01T15:59:00Z'), actorName: 'mallory', ip: '203.0.113.9', action: 'signin.failed', entityType: 'user', entityId: 'mallory' });
    await insertAuditEntry(db, { at: new Date('2026-03-01T16:00:00Z'), actorName: '张管理（admin）', ip: '10.0.0.2', action: 'signin', entityType: 'user', entityId: '1' });
  });
  afterAll(async () => {
    await handle.close();
  });

  const actionsOf = async (filter: AuditFilter) => (await listAuditEntries(handle.db, filter, 1, 50)).rows.map((r) => r.action);

  it('filters by action and by a substring of the actor, newest first', async () => {
    expect(await actionsOf({ action: 'signin' })).toEqual(['signin', 'signin']);
    expect(await actionsOf({ actor: '张管理' })).toEqual(['signin', 'settings.update']);
    expect(await actionsOf({ actor: 'ADMIN', action: 'settings.update' })).toEqual(['settings.update']);
    expect(await actionsOf({ actor: '%' })).toEqual([]); // LIKE wildcards are taken literally
    expect(await listAuditActions(handle.db)).toEqual(['settings.update', 'signin', 'signin.failed']);
  });

  it('filters by city-day date range, both ends inclusive', async () => {
    const oneDay = filterOf({ from: '2026-03-01', to: '2026-03-01' });
    expect(oneDay.errors).toEqual({});
    expect(await actionsOf(oneDay.filter)).toEqual(['signin.failed', 'settings.update']);
    const fromOnly = filterOf({ from: '2026-03-02' });
    expect(await actionsOf(fromOnly.filter)).toEqual(['signin']);
    const { total } = await listAuditEntries(handle.db, filterOf({ to: '2026-02-28' }).filter, 1, 50);
    expect(total).toBe(1);
  });

  it('pages with a total count', async () => {
    const second = await listAuditEntries(handle.db, {}, 2, 3);
    expect(second.total).toBe(4);
    expect(second.rows.map((r) => r.entityId)).toEqual(['2']);
  });

  it('gives Chinese messages for malformed dates and never a filter from them', () => {
    const bad = filterOf({ from: '2026-02-30', to: 'yesterday' });
    expect(bad.errors.from).toMatch(/有效日期/);
    expect(bad.errors.to).toMatch(/有效日期/);
    expect(bad.filter.from).toBeUndefined();
    const reversed = filterOf({ from: '2026-03-05', to: '2026-03-01' });
    expect(reversed.errors.to).toBe('结束日期不能早于开始日期');
    expect(filterOf({ actor: 'x'.repeat(51) }).errors.actor).toMatch(/50/);
  });

  it('carries the filters in links, dropping empty ones', () => {
    const { values } = filterOf({ actor: '张 管理', action: 'signin', from: '', to: '2026-03-01' });
    expect(filterQuery(values, { page: '2' })).toBe('?actor=%E5%BC%A0+%E7%AE%A1%E7%90%86&action=signin&to=2026-03-01&page=2');
    expect(filterQuery(filterOf({}).values)).toBe('');
  });

  it('refuses to change or delete entries (append-only trigger)', async () => {
    await expect(handle.db.execute(sql`UPDATE audit_log SET note = 'x'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    expect((await listAuditEntries(handle.db, {}, 1, 50)).total).toBe(4);
  });

  it('writes CSV lines with Shanghai time, Chinese labels and changes, and neutralised formulas', async () => {
    const [settings] = (await listAuditEntries(handle.db, { action: 'settings.update' }, 1, 1)).rows;
    expect(auditCsvLine(settings!)).toBe('2026-03-01 00:30:00,张管理（admin）,10.0.0.2,修改站点设置,站点设置,siteInfo,站点设置：网站信息,城市：本市,城市：江城市,\r\n');
    expect(auditCsvLine({ ...settings!, actorName: '=cmd|calc', note: '-1' })).toContain(",'=cmd|calc,");
    expect(AUDIT_CSV_HEADER.join(',')).toBe('时间,操作人,IP,操作,对象类型,对象ID,对象,变更前,变更后,备注');
  });

  it('iterates every row in order across batches, and streams them as one CSV with a BOM', async () => {
    const base = Date.parse('2026-04-01T00:00:00Z');
    const rows = Array.from({ length: 2500 }, (_, i) => ({ at: new Date(base + i * 1000), actorName: `bulk-${i}`, action: 'bulk.test', entityType: 'test', entityId: String(i) }));
    await handle.db.insert(auditLog).values(rows); // one multi-row insert
    const sizes: number[] = [];
    const seen: string[] = [];
    for await (const batch of iterateAuditEntries(handle.db, { action: 'bulk.test' }, 1000)) {
      sizes.push(batch.length);
      seen.push(...batch.map((r) => r.entityId!));
    }
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(seen).toEqual(Array.from({ length: 2500 }, (_, i) => String(2499 - i)));

    const bytes = new Uint8Array(await new Response(auditCsvStream(iterateAuditEntries(handle.db, {}, 1000))).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM Excel looks for
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(','));
    expect(lines.at(-1)).toBe(''); // ends with CRLF
    expect(lines).toHaveLength(1 + 2500 + 4 + 1);
    expect(lines[1]).toContain('bulk-2499');
  });
});

describe(`audit entries by name on ${engine}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('finds the names of the channels, categories and users entries refer to, and leaves missing ids out', async () => {
    const [channel] = await handle.db.insert(newsChannels).values({ slug: 'zhiyuan', name: '志愿服务', sortOrder: 1 }).returning();
    const [category] = await handle.db.insert(creditCategories).values({ list: 'black', name: '失信被执行人', periodMonths: 24, sortOrder: 1 }).returning();
    const [user] = await handle.db.insert(users).values({ username: 'names-editor', displayName: '王编辑', passwordHash: 'x', role: 'editor' }).returning();
    const entries = [
      { entityType: 'news_article', entityId: '77', before: { channelId: 999 }, after: { channelId: channel!.id, tags: ['志愿', '社区'] } },
      { entityType: 'credit_category', entityId: String(category!.id), before: { periodMonths: 24 }, after: { periodMonths: 36 } },
      { entityType: 'user', entityId: String(user!.id), before: { role: 'editor' }, after: { role: 'reviewer' } },
      { entityType: 'media', entityId: 'not-a-number', before: null, after: { storageKey: 'ffffffffffffffffffffffffffffffff' } },
    ];
    const names = await findAuditNames(handle.db, auditRefsOf(entries));
    expect(names.news_channel?.get(String(channel!.id))).toBe('志愿服务');
    expect(names.news_channel?.has('999')).toBe(false);
    expect(names.credit_category?.get(String(category!.id))).toBe('失信被执行人');
    expect(names.user?.get(String(user!.id))).toBe('王编辑');
    expect(names.media_key?.size).toBe(0);
    expect(auditChanges(entries[0]!, names)).toEqual([
      { field: 'tags', label: '标签', before: '（空）', after: '志愿、社区' },
      { field: 'channelId', label: '栏目', before: '#999（已删除）', after: '志愿服务' },
    ]);
    expect(auditChanges(entries[2]!, names)).toEqual([{ field: 'role', label: '角色', before: '编辑', after: '审核' }]);
  });
});

// 随手拍, the citizens' writes: a report (receipt number, photos with their hashes), 我也遇到 on an open
// item, and the reporter's rating after closure (不满意 reopens). Each runs in one transaction; the
// caller's `audit` callback writes the audit row inside it (server/audit.ts lives above db/).
import { and, eq, sql } from 'drizzle-orm';
import { cityDay } from '@/lib/dates';
import type { Rating } from '@/lib/enums';
import { publicPosition } from '@/lib/geo';
import type { ReportInput } from '@/lib/ledger-input';
import { normalizeIssueNo } from '@/lib/ledger-number';
import { checkRating } from '@/lib/ledger-workflow';
import { addWorkingDays } from '@/lib/work-calendar';
import { normalizePhone } from '@/lib/citizen-input';
import type { Db } from '../../client';
import { issueCategories, issueEvents, issueSupports, issues, units } from '../../schema';
import { loadCalendar } from './deadlines';
import { nextIssueNo } from './numbers';
import { insertIssuePhotos, type IssuePhotoFile } from './photos';
import { publicIssues } from './ledger';

export type { IssuePhotoFile };

export type NewReport = ReportInput & { flaggedWords: string[]; visitorId: string | null };

export type ReportResult = { ok: true; id: number; no: string; photoIds: number[] } | { ok: false; field: 'categoryId' | 'area'; message: string };

type Audit<T> = (tx: Db, result: T) => Promise<void>;

/**
 * Saves a citizen's report as 待审核 (private until staff accept it) with its first event and its photos.
 * The category must exist; an area, when given, must be one the active units answer for. The category's
 * default unit is only a proposal: nothing is assigned before a reviewer does it.
 */
export async function createReport(db: Db, input: NewReport, photos: readonly IssuePhotoFile[], audit?: Audit<{ id: number; no: string }>, now: Date = new Date()): Promise<ReportResult> {
  return db.transaction(async (tx): Promise<ReportResult> => {
    const [category] = await tx.select({ id: issueCategories.id }).from(issueCategories).where(eq(issueCategories.id, input.categoryId)).limit(1);
    if (!category) return { ok: false, field: 'categoryId', message: '该问题类别不存在，请重新选择' };
    if (input.area) {
      const [known] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.active, true), sql`${input.area} = any(${units.areas})`))
        .limit(1);
      if (!known) return { ok: false, field: 'area', message: '请从列表中选择所在片区/网格' };
    }
    const no = await nextIssueNo(tx, Number(cityDay(now).slice(0, 4)));
    const [row] = await tx
      .insert(issues)
      .values({
        no,
        source: '随手拍',
        categoryId: category.id,
        description: input.description,
        address: input.address,
        area: input.area,
        lat: input.lat,
        lng: input.lng,
        ...publicPosition(input.lat, input.lng),
        reporterName: input.reporterName || null,
        reporterNamePublic: Boolean(input.reporterName) && input.reporterNamePublic,
        reporterPhone: normalizePhone(input.reporterPhone),
        visitorId: input.visitorId,
        flaggedWords: input.flaggedWords,
        status: 'pending',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: issues.id });
    const id = row!.id;
    await tx.insert(issueEvents).values({ issueId: id, kind: 'report', fromStatus: null, toStatus: 'pending', createdAt: now });
    const photoIds = await insertIssuePhotos(tx, id, 'before', photos);
    await audit?.(tx, { id, no });
    return { ok: true, id, no, photoIds };
  });
}

export type SupportResult = { outcome: 'added' | 'already'; supports: number } | { outcome: 'unavailable' };

/** 我也遇到: one per visitor on an open public item ('unavailable' for a closed, private or unknown one). */
export async function addSupport(db: Db, no: string, visitorId: string, audit?: Audit<{ id: number; no: string }>): Promise<SupportResult> {
  return db.transaction(async (tx): Promise<SupportResult> => {
    const [item] = await tx
      .select({ id: issues.id, no: issues.no, status: issues.status, supports: issues.supports })
      .from(issues)
      .where(and(eq(issues.no, normalizeIssueNo(no)), publicIssues()))
      .limit(1)
      .for('update');
    if (!item || item.status === 'closed') return { outcome: 'unavailable' };
    const inserted = await tx.insert(issueSupports).values({ issueId: item.id, visitorId }).onConflictDoNothing().returning({ issueId: issueSupports.issueId });
    if (inserted.length === 0) return { outcome: 'already', supports: item.supports };
    const [updated] = await tx
      .update(issues)
      .set({ supports: sql`${issues.supports} + 1` })
      .where(eq(issues.id, item.id))
      .returning({ supports: issues.supports });
    await audit?.(tx, { id: item.id, no: item.no });
    return { outcome: 'added', supports: updated!.supports };
  });
}

export type RateInput = { no: string; phone: string; rating: Rating; comment: string };
export type RateResult = { ok: true; reopened: boolean; id: number; no: string } | { ok: false; message: string };

/**
 * The reporter's rating (lib/ledger-workflow checkRating: closed, within 7 days, the report's phone, once
 * per closure). 不满意 reopens the item: back to 整改中 with its unit, with a fresh deadline.
 */
export async function rateIssue(db: Db, input: RateInput, audit?: Audit<{ id: number; no: string; rating: Rating; reopened: boolean }>, now: Date = new Date()): Promise<RateResult> {
  return db.transaction(async (tx): Promise<RateResult> => {
    const [item] = await tx
      .select({
        id: issues.id,
        no: issues.no,
        status: issues.status,
        closedAt: issues.closedAt,
        ratedAt: issues.ratedAt,
        reporterPhone: issues.reporterPhone,
        unitId: issues.unitId,
        deadlineDays: issueCategories.deadlineDays,
      })
      .from(issues)
      .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
      .where(eq(issues.no, normalizeIssueNo(input.no)))
      .limit(1)
      .for('update', { of: issues });
    if (!item) return { ok: false, message: '受理编号与手机号不匹配，只有反映人可以评价。' };
    const check = checkRating(item, normalizePhone(input.phone), input.rating, now);
    if (!check.ok) return check;
    const comment = input.comment.trim() || null;
    await tx.update(issues).set({ rating: input.rating, ratingComment: comment, ratedAt: now, updatedAt: now, version: sql`${issues.version} + 1` }).where(eq(issues.id, item.id));
    await tx.insert(issueEvents).values({ issueId: item.id, kind: 'rate', fromStatus: 'closed', toStatus: 'closed', actorUnitId: item.unitId, publicNote: comment ? `${input.rating}：${comment}` : input.rating, createdAt: now });
    if (check.reopens) {
      const deadlineAt = addWorkingDays(now, item.deadlineDays, await loadCalendar(tx));
      await tx
        .update(issues)
        .set({ status: 'fixing', closedAt: null, submittedAt: null, plannedDate: null, deadlineAt, reopenCount: sql`${issues.reopenCount} + 1` })
        .where(eq(issues.id, item.id));
      await tx.insert(issueEvents).values({ issueId: item.id, kind: 'reopen', fromStatus: 'closed', toStatus: 'fixing', actorUnitId: item.unitId, publicNote: '反映人评价不满意，问题重新交责任单位整改', createdAt: new Date(now.getTime() + 1) });
    }
    await audit?.(tx, { id: item.id, no: item.no, rating: input.rating, reopened: check.reopens });
    return { ok: true, reopened: check.reopens, id: item.id, no: item.no };
  });
}

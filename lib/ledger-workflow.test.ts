import { describe, expect, it } from 'vitest';
import { availableIssueActions, checkRating, checkTransition, effectiveDeadline, isDueSoon, overdueState, returnDeadline, type IssueSnapshot } from './ledger-workflow';
import type { CalendarDay } from './work-calendar';

const DAYS: CalendarDay[] = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' }));
const t = (local: string) => new Date(`${local}+08:00`);
const reviewer = { role: 'reviewer' as const, unitId: null };
const unit7 = { role: 'unit' as const, unitId: 7 };
const assigned: IssueSnapshot = { status: 'assigned', unitId: 7, assignedAt: t('2026-11-02T10:00:00'), returnCount: 0 };
const NOTE = '已安排专人到现场清理，并在周边增加了巡查频次。';

describe('the ledger workflow', () => {
  it('lets reviewers accept, assign, verify and close, and units only act on their own items', () => {
    expect(checkTransition({ ...assigned, status: 'pending', unitId: null }, 'accept', reviewer, {}, t('2026-11-02T11:00:00'), DAYS)).toEqual({ ok: true, to: 'accepted' });
    expect(checkTransition({ ...assigned, status: 'pending', unitId: null }, 'accept', unit7, {}, t('2026-11-02T11:00:00'), DAYS).ok).toBe(false);
    expect(checkTransition(assigned, 'start', { role: 'unit', unitId: 8 }, {}, t('2026-11-02T11:00:00'), DAYS)).toMatchObject({ ok: false, message: '该问题不属于您的单位。' });
    expect(checkTransition(assigned, 'start', reviewer, {}, t('2026-11-02T11:00:00'), DAYS).ok).toBe(false);
    expect(checkTransition({ ...assigned, status: 'verifying' }, 'close', unit7, {}, t('2026-11-02T11:00:00'), DAYS).ok).toBe(false);
    expect(checkTransition({ ...assigned, status: 'verifying' }, 'close', { role: 'admin', unitId: null }, {}, t('2026-11-02T11:00:00'), DAYS)).toEqual({ ok: true, to: 'closed' });
    // An editor enters items but takes no step.
    expect(availableIssueActions({ ...assigned, status: 'pending' }, { role: 'editor', unitId: null }, t('2026-11-02T11:00:00'), DAYS)).toEqual([]);
    expect(availableIssueActions(assigned, unit7, t('2026-11-02T11:00:00'), DAYS)).toEqual(['return', 'start', 'plan', 'submit']);
  });

  it('needs the reasons and choices each step asks for', () => {
    const pending: IssueSnapshot = { ...assigned, status: 'pending', unitId: null };
    expect(checkTransition(pending, 'reject', reviewer, {}, t('2026-11-02T11:00:00'), DAYS)).toMatchObject({ ok: false, field: 'reporterNote' });
    expect(checkTransition(pending, 'duplicate', reviewer, {}, t('2026-11-02T11:00:00'), DAYS)).toMatchObject({ ok: false, field: 'duplicateOfId' });
    expect(checkTransition({ ...pending, status: 'accepted' }, 'assign', reviewer, {}, t('2026-11-02T11:00:00'), DAYS)).toMatchObject({ ok: false, field: 'unitId' });
    expect(checkTransition(assigned, 'plan', unit7, { publicNote: '结合道路改造实施' }, t('2026-11-02T11:00:00'), DAYS)).toMatchObject({ ok: false, field: 'plannedDate' });
    expect(checkTransition(assigned, 'plan', unit7, { publicNote: '结合道路改造实施', plannedDate: '2026-11-01' }, t('2026-11-02T11:00:00'), DAYS)).toMatchObject({ ok: false, field: 'plannedDate' });
    expect(checkTransition(assigned, 'plan', unit7, { publicNote: '结合道路改造实施', plannedDate: '2026-12-31' }, t('2026-11-02T11:00:00'), DAYS)).toEqual({ ok: true, to: 'planned' });
  });

  it('allows 退回改派 within one working day of assignment, at most twice', () => {
    const returning = { publicNote: '不属于本单位职责' };
    expect(returnDeadline(t('2026-09-30T10:00:00'), DAYS).toISOString()).toBe(t('2026-10-08T23:59:59.999').toISOString());
    expect(checkTransition(assigned, 'return', unit7, returning, t('2026-11-03T23:59:00'), DAYS).ok).toBe(true);
    expect(checkTransition(assigned, 'return', unit7, returning, t('2026-11-04T00:00:01'), DAYS).ok).toBe(false);
    expect(checkTransition(assigned, 'return', unit7, {}, t('2026-11-02T12:00:00'), DAYS)).toMatchObject({ ok: false, field: 'publicNote' });
    expect(checkTransition({ ...assigned, returnCount: 2 }, 'return', unit7, returning, t('2026-11-02T12:00:00'), DAYS)).toMatchObject({ ok: false });
  });

  it('accepts a submission only with an after-photo and a note of 20 visible characters', () => {
    const now = t('2026-11-03T10:00:00');
    expect(checkTransition(assigned, 'submit', unit7, { publicNote: NOTE, afterPhotos: 0 }, now, DAYS)).toMatchObject({ ok: false, field: 'afterPhotos' });
    expect(checkTransition(assigned, 'submit', unit7, { publicNote: '已整改完毕。'.padEnd(12, ' '), afterPhotos: 1 }, now, DAYS)).toMatchObject({ ok: false, field: 'publicNote' });
    expect(checkTransition(assigned, 'submit', unit7, { publicNote: NOTE, afterPhotos: 1 }, now, DAYS)).toEqual({ ok: true, to: 'verifying' });
  });

  it('lets only the reporter rate, within 7 days of closure, once per closure; 不满意 reopens', () => {
    const closed = { status: 'closed' as const, closedAt: t('2026-11-02T10:00:00'), ratedAt: null, reporterPhone: '13912345678' };
    expect(checkRating(closed, '13912345678', '不满意', t('2026-11-05T10:00:00'))).toEqual({ ok: true, reopens: true });
    expect(checkRating(closed, '13912345678', '满意', t('2026-11-09T10:00:00'))).toEqual({ ok: true, reopens: false });
    expect(checkRating(closed, '13912345678', '满意', t('2026-11-09T10:00:01')).ok).toBe(false);
    expect(checkRating(closed, '13900000000', '满意', t('2026-11-03T10:00:00')).ok).toBe(false);
    expect(checkRating({ ...closed, ratedAt: t('2026-11-03T10:00:00') }, '13912345678', '满意', t('2026-11-04T10:00:00')).ok).toBe(false);
    expect(checkRating({ ...closed, status: 'fixing' }, '13912345678', '满意', t('2026-11-04T10:00:00')).ok).toBe(false);
    expect(checkRating({ ...closed, reporterPhone: null }, '13912345678', '满意', t('2026-11-04T10:00:00')).ok).toBe(false);
  });

  it('computes 超期 from the deadline in force, never stored', () => {
    const base = { deadlineAt: t('2026-11-06T23:59:59.999'), plannedDate: null, submittedAt: null, closedAt: null };
    expect(overdueState({ ...base, status: 'fixing' }, t('2026-11-06T23:00:00'))).toBeNull();
    expect(overdueState({ ...base, status: 'fixing' }, t('2026-11-07T00:00:00'))).toBe('overdue');
    expect(overdueState({ ...base, status: 'accepted' }, t('2026-11-09T00:00:00'))).toBeNull();
    // Submitted in time: waiting for verification is not the unit's delay.
    expect(overdueState({ ...base, status: 'verifying', submittedAt: t('2026-11-06T10:00:00') }, t('2026-11-10T00:00:00'))).toBeNull();
    expect(overdueState({ ...base, status: 'verifying', submittedAt: t('2026-11-08T10:00:00') }, t('2026-11-10T00:00:00'))).toBe('overdue');
    expect(overdueState({ ...base, status: 'closed', submittedAt: t('2026-11-08T10:00:00'), closedAt: t('2026-11-09T10:00:00') }, t('2026-11-10T00:00:00'))).toBe('closed_late');
    expect(overdueState({ ...base, status: 'closed', submittedAt: t('2026-11-05T10:00:00'), closedAt: t('2026-11-09T10:00:00') }, t('2026-11-10T00:00:00'))).toBeNull();
    // 纳入计划: the planned date is the deadline in force.
    const planned = { ...base, status: 'planned' as const, plannedDate: '2026-12-20' };
    expect(effectiveDeadline(planned)?.toISOString()).toBe(t('2026-12-20T23:59:59.999').toISOString());
    expect(overdueState(planned, t('2026-12-01T00:00:00'))).toBeNull();
    expect(overdueState(planned, t('2026-12-21T00:00:00'))).toBe('overdue');
    expect(isDueSoon({ ...base, status: 'fixing' }, t('2026-11-05T09:00:00'), DAYS)).toBe(true);
    expect(isDueSoon({ ...base, status: 'fixing' }, t('2026-11-02T09:00:00'), DAYS)).toBe(false);
  });
});

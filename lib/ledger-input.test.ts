import { describe, expect, it } from 'vitest';
import { parseAreas, parseCalendarLines, reportFields, transitionFields } from './ledger-input';

const REPORT = { categoryId: '3', description: '路口的非机动车经常闯红灯，和右转车辆抢行。', address: '文明路与和谐路交叉口', area: '桂花社区', lat: '', lng: '', reporterName: '', reporterPhone: '139 1234 5678' };

describe('ledger forms', () => {
  it('reads a report, normalising the phone and refusing personal numbers in free text', () => {
    const ok = reportFields.safeParse(REPORT);
    expect(ok.success && ok.data).toMatchObject({ categoryId: 3, reporterPhone: '13912345678', lat: null, reporterNamePublic: false });
    const withPhone = reportFields.safeParse({ ...REPORT, description: '请联系我13912345678，路口的车辆经常乱停。' });
    expect(withPhone.success).toBe(false);
    const halfPosition = reportFields.safeParse({ ...REPORT, lat: '30.5' });
    expect(halfPosition.success).toBe(false);
    const namePublicWithoutName = reportFields.safeParse({ ...REPORT, reporterNamePublic: 'on' });
    expect(namePublicWithoutName.success).toBe(false);
  });

  it('reads a step with its number normalised', () => {
    const parsed = transitionFields.safeParse({ no: 'zg-2026-000007', action: 'plan', publicNote: '结合道路改造统一实施', internalNote: '', reporterNote: '', plannedDate: '2026-12-31' });
    expect(parsed.success && parsed.data).toMatchObject({ no: 'ZG-2026-000007', plannedDate: '2026-12-31', unitId: null, duplicateOfNo: null, urgent: false });
    expect(transitionFields.safeParse({ no: 'ZG-2026-000007', action: 'delete', publicNote: '', internalNote: '', reporterNote: '' }).success).toBe(false);
    expect(transitionFields.safeParse({ no: 'ZG-2026-000007', action: 'plan', publicNote: '', internalNote: '', reporterNote: '', plannedDate: '2026-02-30' }).success).toBe(false);
  });

  it('reads the calendar lines of a year', () => {
    const parsed = parseCalendarLines('# 2026\n2026-10-01 休 国庆节\n2026-10-10 班 国庆节调休上班\n\n', 2026);
    expect(parsed).toEqual({ ok: true, days: [{ date: '2026-10-01', kind: 'holiday', note: '国庆节' }, { date: '2026-10-10', kind: 'workday', note: '国庆节调休上班' }] });
    expect(parseCalendarLines('2025-10-01 休', 2026)).toMatchObject({ ok: false });
    expect(parseCalendarLines('2026-10-01 放', 2026)).toMatchObject({ ok: false });
    expect(parseCalendarLines('2026-10-01 休\n2026-10-01 班', 2026)).toMatchObject({ ok: false, message: '第2行：2026-10-01 重复出现' });
  });

  it('splits area lists', () => {
    expect(parseAreas('桂花社区、梧桐社区\n桂花社区，新村')).toEqual(['桂花社区', '梧桐社区', '新村']);
  });
});

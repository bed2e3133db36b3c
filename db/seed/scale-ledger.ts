// Row generators of the ledger's part of the scale data set (db/seed/scale.ts): items and their events as
// parallel column arrays for INSERT ... SELECT FROM unnest. Each item gets a plausible life for its final
// state (report, acceptance, assignment with a working-day deadline, start, submission, closure, rating),
// so the public ledger's filters and the units' figures have realistic work to do.
import { roundCoordinate } from '../../lib/geo';
import { addDays } from '../../lib/dates';
import { addWorkingDays, type CalendarDay } from '../../lib/work-calendar';
import type { IssueStatus } from '../../lib/enums';
import { ROADS, SURNAMES, MALE_GIVEN, FEMALE_GIVEN } from './content/city';
import { FIX_NOTES, PROBLEM_TEXTS } from './content/ledger';
import { at } from './common';
import type { Rng } from './random';
import type { Columns } from './scale-rows';

export const ISSUE_COLUMNS = [
  'id', 'no', 'source', 'category_id', 'description', 'address', 'area', 'lat', 'lng', 'public_lat', 'public_lng', 'reporter_name', 'reporter_phone',
  'status', 'unit_id', 'assigned_at', 'unit_assigned_at', 'deadline_at', 'planned_date', 'submitted_at', 'closed_at', 'rating', 'rated_at', 'supports', 'created_at', 'updated_at',
] as const;
export const EVENT_COLUMNS = ['issue_id', 'kind', 'from_status', 'to_status', 'actor_unit_id', 'public_note', 'created_at'] as const;

export type ScaleLedgerContext = {
  today: string;
  days: readonly CalendarDay[];
  categories: readonly { id: number; name: string; defaultUnitId: number | null; deadlineDays: number }[];
  /** Areas with the unit that answers for each. */
  areas: readonly { area: string; unitId: number }[];
  /** The next id and, per year, the next number's sequence (after the demo's). */
  nextId: () => number;
  nextNo: (year: number) => string;
};

/** Final states with their weights: most items are closed; some are open, some overdue by then. */
const FATES: readonly [IssueStatus, number][] = [
  ['closed', 70],
  ['fixing', 8],
  ['assigned', 4],
  ['planned', 2],
  ['verifying', 3],
  ['accepted', 3],
  ['pending', 2],
  ['rejected', 5],
  ['duplicate', 3],
];
const FATE_TOTAL = FATES.reduce((s, [, w]) => s + w, 0);

function fate(rng: Rng): IssueStatus {
  let r = rng.next() * FATE_TOTAL;
  for (const [status, weight] of FATES) {
    r -= weight;
    if (r < 0) return status;
  }
  return 'closed';
}

const HOUR = 3_600_000;

/** `count` items (and their events) reported over the last three years. */
export function ledgerScaleRows(rng: Rng, count: number, ctx: ScaleLedgerContext): { issues: Columns; events: Columns } {
  const issues: Columns = Object.fromEntries(ISSUE_COLUMNS.map((n) => [n, []]));
  const events: Columns = Object.fromEntries(EVENT_COLUMNS.map((n) => [n, []]));
  const now = at(ctx.today, 12);
  for (let i = 0; i < count; i++) {
    const id = ctx.nextId();
    const category = rng.pick(ctx.categories);
    const { area, unitId: areaUnit } = rng.pick(ctx.areas);
    const daysAgo = Math.floor(rng.next() ** 1.3 * 1095);
    const created = at(addDays(ctx.today, -daysAgo), daysAgo === 0 ? rng.int(7, 11) : rng.int(7, 21), rng.int(0, 59));
    const year = Number(addDays(ctx.today, -daysAgo).slice(0, 4));
    const citizen = rng.chance(0.8);
    // Old items have long been dealt with; only recent ones may still be waiting for review.
    let status = fate(rng);
    if (daysAgo > 30 && (status === 'pending' || status === 'accepted' || status === 'verifying')) status = 'closed';
    if (!citizen && (status === 'pending' || status === 'rejected' || status === 'duplicate')) status = 'accepted';
    const lat = citizen && rng.chance(0.5) ? 30.45 + rng.next() * 0.3 : null;
    const lng = lat === null ? null : 114.1 + rng.next() * 0.4;
    const unitId = rng.chance(0.5) ? areaUnit : (category.defaultUnitId ?? areaUnit);
    const ev = (kind: string, from: IssueStatus | null, to: IssueStatus | null, unit: number | null, note: string | null, t: Date) => {
      events.issue_id!.push(id);
      events.kind!.push(kind);
      events.from_status!.push(from);
      events.to_status!.push(to);
      events.actor_unit_id!.push(unit);
      events.public_note!.push(note);
      events.created_at!.push(t.toISOString());
    };
    let t = created;
    const later = (min: number, max: number) => {
      t = new Date(Math.min(t.getTime() + rng.int(min * 60, max * 60) * 60_000, now.getTime()));
      return t;
    };
    ev('report', null, citizen ? 'pending' : 'accepted', null, citizen ? null : '督查发现', t);
    let assignedAt: Date | null = null;
    let deadline: Date | null = null;
    let submittedAt: Date | null = null;
    let closedAt: Date | null = null;
    let rating: string | null = null;
    let ratedAt: Date | null = null;
    let holder: number | null = null;
    if (citizen && status !== 'pending') {
      const to = status === 'rejected' || status === 'duplicate' ? status : 'accepted';
      ev(to === 'accepted' ? 'accept' : to === 'rejected' ? 'reject' : 'duplicate', 'pending', to, null, null, later(2, 30));
    }
    if (['assigned', 'fixing', 'planned', 'verifying', 'closed'].includes(status)) {
      assignedAt = later(1, 20);
      holder = unitId;
      deadline = addWorkingDays(assignedAt, category.deadlineDays, ctx.days);
      ev('assign', 'accepted', 'assigned', unitId, null, assignedAt);
      if (status !== 'assigned') {
        ev('start', 'assigned', 'fixing', unitId, '已安排人员现场核实', later(2, 40));
        if (status === 'planned') ev('plan', 'fixing', 'planned', unitId, '结合年度改造计划统一实施', later(4, 30));
        if (status === 'verifying' || status === 'closed') {
          submittedAt = later(20, rng.chance(0.2) ? 220 : 100);
          ev('submit', 'fixing', 'verifying', unitId, `${rng.pick(FIX_NOTES)}（${area}，编号${id}）`, submittedAt);
          if (status === 'closed') {
            closedAt = later(2, 40);
            ev('close', 'verifying', 'closed', unitId, '经现场核验，问题已整改到位，予以销号', closedAt);
            if (citizen && rng.chance(0.5)) {
              rating = rng.pick(['满意', '满意', '满意', '基本满意', '基本满意']);
              ratedAt = later(3, 100);
              ev('rate', 'closed', 'closed', unitId, rating, ratedAt);
            }
          }
        }
      }
    }
    const surname = SURNAMES[Math.floor(rng.next() ** 1.6 * SURNAMES.length)] ?? '王';
    issues.id!.push(id);
    issues.no!.push(ctx.nextNo(year));
    issues.source!.push(citizen ? '随手拍' : rng.pick(['督查', '测评', '12345']));
    issues.category_id!.push(category.id);
    issues.description!.push(rng.pick(PROBLEM_TEXTS[category.name] ?? PROBLEM_TEXTS['环境卫生']!));
    issues.address!.push(`${area}${rng.pick(ROADS)}${rng.int(1, 400)}号附近`);
    issues.area!.push(area);
    issues.lat!.push(lat);
    issues.lng!.push(lng);
    issues.public_lat!.push(lat === null ? null : roundCoordinate(lat));
    issues.public_lng!.push(lng === null ? null : roundCoordinate(lng));
    issues.reporter_name!.push(citizen ? surname + rng.pick(rng.chance(0.5) ? MALE_GIVEN : FEMALE_GIVEN) : null);
    // Demo numbers in a block no carrier hands out to subscribers (199 0 followed by seven digits).
    issues.reporter_phone!.push(citizen ? `1990${String(id % 10_000_000).padStart(7, '0')}` : null);
    issues.status!.push(status);
    issues.unit_id!.push(holder);
    issues.assigned_at!.push(assignedAt?.toISOString() ?? null);
    // Assigned once, to the unit that holds it: the first assignment to it.
    issues.unit_assigned_at!.push(assignedAt?.toISOString() ?? null);
    issues.deadline_at!.push(deadline?.toISOString() ?? null);
    issues.planned_date!.push(status === 'planned' && deadline ? addDays(deadline.toISOString().slice(0, 10), rng.int(20, 90)) : null);
    issues.submitted_at!.push(submittedAt?.toISOString() ?? null);
    issues.closed_at!.push(closedAt?.toISOString() ?? null);
    issues.rating!.push(rating);
    issues.rated_at!.push(ratedAt?.toISOString() ?? null);
    issues.supports!.push(citizen ? Math.floor(rng.next() ** 3 * 30) : 0);
    issues.created_at!.push(created.toISOString());
    issues.updated_at!.push(new Date(Math.max(t.getTime(), created.getTime() + HOUR / 60)).toISOString());
  }
  return { issues, events };
}

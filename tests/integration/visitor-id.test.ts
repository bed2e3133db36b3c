// One signed visitor id for likes, comment reports and view counts, on both engines: ids the server
// did not sign count as no id (a new signed one is issued), so invented ids from one machine neither
// hide a comment nor inflate a view count; and reports from one address count once.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { addComment } from '@/db/queries/people-citizen';
import { goodPeople, goodPersonComments } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { cityDay } from '@/lib/dates';
import { likeAction, reportAction } from '@/app/(public)/good-people/actions';
import { POST as personViewBeacon } from '@/app/api/good-people/[id]/view/route';
import { signVisitorId, verifyVisitorId, visitorKeyFromSecret } from '@/lib/visitor-signature';
import { VISITOR_COOKIE } from '@/server/visitor-id';
import { serverSecret } from '@/server/secret';
import { engine, freshDatabase } from './helpers';

type CookieSet = { name: string; value: string; httpOnly?: boolean; sameSite?: string; path?: string; maxAge?: number };
const ctx = vi.hoisted(() => ({ db: null as unknown, ip: '203.0.113.50', cookies: {} as Record<string, string>, issued: [] as CookieSet[] }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': ctx.ip }),
  cookies: async () => ({
    get: (name: string) => (name in ctx.cookies ? { name, value: ctx.cookies[name] } : undefined),
    set: (cookie: CookieSet) => {
      ctx.issued.push(cookie);
      ctx.cookies[cookie.name] = cookie.value;
    },
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, updateTag: () => undefined, revalidateTag: () => undefined }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => ctx.db }));

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const today = cityDay();
let handle: DbHandle;
let personId: number;

/** An id of the right shape that this server never signed, as an attacker would invent it. */
const invented = () => randomBytes(16).toString('base64url');

/** A visitor as a browser that keeps its cookie (the first answer issues it). */
function browser(ip: string) {
  return { ip, cookies: {} as Record<string, string> };
}

async function as<T>(visitor: { ip: string; cookies: Record<string, string> }, work: () => Promise<T>): Promise<T> {
  ctx.ip = visitor.ip;
  ctx.cookies = visitor.cookies;
  return work();
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const report = (commentId: number) => reportAction({}, form({ commentId: String(commentId) }));
const like = (id: number) => likeAction({}, form({ personId: String(id) }));

async function approvedComment(body: string): Promise<number> {
  const id = (await addComment(handle.db, { personId, nickname: '网友', body, flaggedWords: [] }, today))!;
  await handle.db.update(goodPersonComments).set({ status: 'approved' }).where(eq(goodPersonComments.id, id));
  return id;
}
const commentState = async (id: number) =>
  (await handle.db.select({ status: goodPersonComments.status, reports: goodPersonComments.reportCount }).from(goodPersonComments).where(eq(goodPersonComments.id, id)))[0]!;

beforeAll(async () => {
  handle = await freshDatabase();
  ctx.db = handle.db;
  await seedDemo(handle.db, { today });
  const [person] = await handle.db.select({ id: goodPeople.id }).from(goodPeople).where(eq(goodPeople.level, '身边好人')).orderBy(goodPeople.id).limit(1);
  personId = person!.id;
});
afterAll(async () => {
  await handle.close();
});

describe(`comment reports with the signed visitor id (${engine})`, () => {
  it('counts three reports with invented ids from one address once: the comment stays', async () => {
    const id = await approvedComment('有人想用伪造的浏览器标识举报掉这条评论');
    for (const value of [invented(), invented(), `${invented()}.${'A'.repeat(43)}`]) {
      ctx.issued = [];
      await as({ ip: '203.0.113.60', cookies: { [VISITOR_COOKIE]: value, gpv: invented() } }, () => report(id));
      // The invented id was not taken: a new signed one was issued instead.
      expect(ctx.issued).toHaveLength(1);
      expect(ctx.issued[0]).toMatchObject({ name: VISITOR_COOKIE, httpOnly: true, sameSite: 'lax', path: '/' });
      expect(verifyVisitorId(ctx.issued[0]!.value, visitorKeyFromSecret(await serverSecret()))).toBeTruthy();
    }
    expect(await commentState(id)).toEqual({ status: 'approved', reports: 1 });
  });

  it('counts reports from one address once even with ids the server did sign', async () => {
    const id = await approvedComment('同一地址的三个浏览器举报这条评论');
    for (let i = 0; i < 3; i++) await as(browser('203.0.113.61'), () => report(id));
    expect(await commentState(id)).toEqual({ status: 'approved', reports: 1 });
  });

  it('hides a comment reported by three browsers on three addresses; a browser counts once wherever it goes', async () => {
    const id = await approvedComment('三位不同的网友分别举报这条评论');
    const first = browser('203.0.113.71');
    await as(first, () => report(id));
    await as({ ...first, ip: '203.0.113.72' }, () => report(id)); // the same browser from another address
    expect(await commentState(id)).toEqual({ status: 'approved', reports: 1 });
    await as(browser('203.0.113.73'), () => report(id));
    await as(browser('203.0.113.74'), () => report(id));
    expect(await commentState(id)).toEqual({ status: 'hidden', reports: 3 });
  });
});

describe(`likes with the signed visitor id (${engine})`, () => {
  it('counts one like per signed id per day, and issues a new id for an invented one', async () => {
    const visitor = browser('203.0.113.80');
    const first = await as(visitor, () => like(personId));
    expect(first).toMatchObject({ ok: true });
    expect(await as(visitor, () => like(personId))).toMatchObject({ ok: false, message: '您今天已经为TA点过赞了，明天再来吧。' });

    // A signed cookie taken to another machine is the same visitor.
    expect(await as({ ip: '203.0.113.81', cookies: { ...visitor.cookies } }, () => like(personId))).toMatchObject({ ok: false });
    // An id with another's signature is no id: the answer comes with a fresh signed cookie of its own.
    const key = visitorKeyFromSecret(await serverSecret());
    const stolenSignature = visitor.cookies[VISITOR_COOKIE]!.split('.')[1];
    const forged = { ip: '203.0.113.82', cookies: { [VISITOR_COOKIE]: `${invented()}.${stolenSignature}` } };
    ctx.issued = [];
    expect(await as(forged, () => like(personId))).toMatchObject({ ok: true });
    expect(ctx.issued).toHaveLength(1);
    expect(verifyVisitorId(forged.cookies[VISITOR_COOKIE], key)).toBeTruthy();
    expect(signVisitorId(verifyVisitorId(forged.cookies[VISITOR_COOKIE], key)!, key)).toBe(forged.cookies[VISITOR_COOKIE]);
  });
});

describe(`profile view counts with the signed visitor id (${engine})`, () => {
  const views = async () => (await handle.db.select({ n: goodPeople.viewCount }).from(goodPeople).where(eq(goodPeople.id, personId)))[0]!.n;
  const beacon = (visitor: { ip: string; cookies: Record<string, string> }) =>
    as(visitor, () =>
      personViewBeacon(new NextRequest(`http://portal.test/api/good-people/${personId}/view`, { method: 'POST', headers: { 'user-agent': CHROME, 'x-forwarded-for': visitor.ip } }), {
        params: Promise.resolve({ id: String(personId) }),
      }),
    );

  it('counts a client that invents a new id for every view once per window', async () => {
    const before = await views();
    for (let i = 0; i < 5; i++) expect((await beacon({ ip: '203.0.113.90', cookies: { [VISITOR_COOKIE]: invented(), gpv: invented() } })).status).toBe(204);
    expect(await views()).toBe(before + 1);
  });

  it('counts a browser that keeps its signed cookie once, and another browser again', async () => {
    const before = await views();
    const reader = browser('203.0.113.91');
    for (let i = 0; i < 3; i++) await beacon(reader);
    expect(await views()).toBe(before + 1);
    await beacon(browser('203.0.113.92'));
    expect(await views()).toBe(before + 2);
  });
});

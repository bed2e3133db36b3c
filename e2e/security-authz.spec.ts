// The authorization matrix over HTTP: every admin page, admin route handler and server action of
// e2e/corpus/authz.ts x anonymous / editor / reviewer / admin / unit handler (单位经办人) / disabled user.
// Refused calls must change nothing (the audit log, where every change is written, keeps its length);
// allowed calls stop at validation, so the shared demo data is never touched. The unit handler is bound
// to the unit of the fixtures' closed item: their own unit's records open, another unit's are a 404.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import sharp from 'sharp';
import { ACTIONS, DECISIONS, PAGES, ROLES, ROUTES, mayCall, otherUnitOf, pageOutcome, type AccountRole, type Fixtures, type Role } from './corpus/authz';
import { ADMIN_LOGIN, anonymousRequest, callAction, callActionWithArgs, freshAddress, loadActions, signInRequest, type ActionRef } from './security-helpers';
import { uniqueName } from './fixtures';

const PASSWORD = 'Authz-Matrix-2026';
const SIGNED_OUT = '登录已过期，请重新登录后再提交（您填写的内容仍保留在页面上）。';
const NO_ROLE = '您没有执行此操作的权限。';

let baseURL: string;
let actions: Map<string, ActionRef>;
const as = {} as Record<Role, APIRequestContext>;
let fixtures: Fixtures;

function actionRef(ref: string): ActionRef {
  const found = actions.get(ref);
  if (!found) throw new Error(`${ref} is not in the build's server-reference-manifest.json (is it used by any page?)`);
  return found;
}

/** Runs `work` over the items, a few at a time (the server is shared by nobody else during this spec). */
async function inTurns<T>(items: readonly T[], work: (item: T) => Promise<void>, width = 4): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function html(context: APIRequestContext, path: string): Promise<string> {
  const response = await context.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

function ids(body: string, pattern: RegExp): number[] {
  return [...body.matchAll(pattern)].map((m) => Number(m[1]));
}

function first(body: string, pattern: RegExp, what: string): number {
  const found = ids(body, pattern)[0];
  if (found === undefined) throw new Error(`no ${what} found`);
  return found;
}

async function auditTotal(): Promise<number> {
  const match = /审计日志，共(\d+)条/.exec(await html(as.admin, '/admin/audit'));
  return Number(match?.[1] ?? NaN);
}

function h1Text(body: string): string {
  return [...body.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')).join(' | ');
}

/** The sign-in page: an HTTP redirect (proxy, route handler) or the redirect Next renders into a page. */
async function expectSentToLogin(response: APIResponse, label: string) {
  if (response.status() >= 300 && response.status() < 400) {
    expect(response.headers().location ?? '', label).toMatch(/^(https?:\/\/[^/]+)?\/login(\?|$)/);
    return;
  }
  const body = await response.text();
  expect(body, `${label}: HTTP ${response.status()}`).toMatch(/http-equiv="refresh" content="\d+;url=\/login/);
  expect(h1Text(body), label).not.toMatch(/\S/);
}

/** A new account of the role, through the users page's action (a unit handler with their unit). */
async function createAccount(role: AccountRole, unitId?: number): Promise<{ username: string; id: number }> {
  const username = uniqueName(`az${role.slice(0, 2)}`);
  const fields = { username, displayName: `矩阵${role}`, role, password: PASSWORD, ...(unitId === undefined ? {} : { unitId: String(unitId) }) };
  const created = await callAction(as.admin, baseURL, actionRef('app/(admin)/admin/users/actions.ts#createUser'), fields);
  expect(created.state, `create ${role}`).toMatchObject({ ok: true });
  const users = await html(as.admin, '/admin/users');
  const id = new RegExp(`aria-label="${username}"[\\s\\S]*?name="id" value="(\\d+)"`).exec(users)?.[1];
  expect(id, `id of ${username}`).toBeTruthy();
  return { username, id: Number(id) };
}

/** A small PDF without active content: a citizen's attachment. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function findFixtures(): Promise<Fixtures> {
  const admin = as.admin;
  // A media-library image, for the picker actions.
  const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#b22222' } }).png().toBuffer();
  const upload = await callAction(admin, baseURL, actionRef('app/(admin)/admin/media/actions.ts#uploadMedia'), { alt: '权限矩阵测试图片', file: { name: 'authz.png', mimeType: 'image/png', buffer: png } });
  expect(upload.state, 'upload').toMatchObject({ ok: true });
  const mediaKey = /\/media\/([0-9a-f]{32})\//.exec(await html(admin, '/admin/media'))?.[1];
  if (!mediaKey) throw new Error('no media key found');

  // A citizen's objection with an attachment, for the objection page and the private-file route.
  const entryId = first(await html(as.anonymous, '/credit/red'), /href="\/credit\/(\d+)"/g, 'public credit entry');
  const objected = await callAction(
    as.anonymous,
    baseURL,
    actionRef('app/(public)/credit/objection/actions.ts#submitObjection'),
    { entryId: String(entryId), kind: 'objection', applicantName: '权限测试', applicantPhone: '13800000000', explanation: '权限矩阵测试提交的异议申请，用于检查后台页面的访问控制。', consent: 'on', attachments: { name: 'proof.pdf', mimeType: 'application/pdf', buffer: PDF } },
    { headers: { 'X-Forwarded-For': freshAddress() } },
  );
  expect(objected.state, 'objection').toMatchObject({ ok: true });
  const objection = Math.max(...ids(await html(admin, '/admin/credit/objections'), /href="\/admin\/credit\/objections\/(\d+)"/g));
  const file = first(await html(admin, `/admin/credit/objections/${objection}`), /href="\/admin\/files\/(\d+)"/g, 'attachment');

  // One table row per monthly 好人榜: its link, then its status badge.
  const batchRowsNow = async () => (await html(admin, '/admin/good-people/batches')).split('<tr').map((row) => ({ id: /href="\/admin\/good-people\/batches\/(\d+)"/.exec(row)?.[1], row }));
  let batchRows = await batchRowsNow();
  const unpublished = /草稿|待审核|已退回|已下线/;
  if (!batchRows.some((r) => r.id && unpublished.test(r.row))) {
    // Journeys that ran earlier may have published the demo data's draft month: make a draft of our own.
    const created = await callAction(admin, baseURL, actionRef('app/(admin)/admin/good-people/batches/actions.ts#createPeopleBatch'), { month: '2030-01', title: '' });
    expect(created.status, 'draft 好人榜 created').toBeLessThan(500);
    batchRows = await batchRowsNow();
  }
  const publishedPeopleBatch = Number(batchRows.find((r) => r.id && r.row.includes('已发布'))?.id);
  const peopleBatch = Number(batchRows.find((r) => r.id && unpublished.test(r.row))?.id);
  expect(publishedPeopleBatch && peopleBatch, 'a published and a draft 好人榜').toBeTruthy();

  let publishedCreditBatch: Fixtures['publishedCreditBatch'] | null = null;
  for (const id of ids(await html(admin, '/admin/credit/batches'), /href="\/admin\/credit\/batches\/(\d+)"/g)) {
    const body = await html(admin, `/admin/credit/batches/${id}`);
    const version = /name="version" value="(\d+)"/.exec(body)?.[1];
    if (version && body.includes('已发布')) {
      publishedCreditBatch = { id, version: Number(version) };
      break;
    }
  }
  if (!publishedCreditBatch) throw new Error('no published credit batch found');

  // The ledger: two seeded units with a closed item each (the unit handler's own, and another unit's),
  // and for each an item entered and assigned here with a photo (its private original).
  const closedOf = async (unitId: number) => /href="\/admin\/ledger\/(ZG-\d{4}-\d{6})"/.exec(await html(admin, `/admin/ledger?status=closed&unit=${unitId}`))?.[1];
  const withClosed: { unit: number; closed: string }[] = [];
  for (const unitId of ids(await html(admin, '/admin/units'), /href="\/admin\/units\/(\d+)"/g)) {
    const closed = await closedOf(unitId);
    if (closed) withClosed.push({ unit: unitId, closed });
    if (withClosed.length === 2) break;
  }
  const [own, other] = withClosed;
  if (!own || !other) throw new Error('no two units with a closed ledger item found');
  const categoryId = /name="categoryId"[\s\S]*?<option value="(\d+)"/.exec(await html(admin, '/admin/ledger/new'))?.[1];
  const photoOfItemAssignedTo = async (unitId: number): Promise<number> => {
    const entered = await callAction(admin, baseURL, actionRef('app/(admin)/admin/ledger/new/actions.ts#createStaffIssue'), {
      source: '督查',
      documentNo: uniqueName('权限矩阵督〔2026〕'),
      categoryId: String(categoryId),
      area: '',
      address: '权限矩阵测试路口东北角',
      description: '权限矩阵测试录入的问题，用于检查照片原图的访问控制。',
      photos: { name: 'authz.png', mimeType: 'image/png', buffer: png },
    });
    const no = /\/admin\/ledger\/(ZG-\d{4}-\d{6})/.exec(entered.redirect ?? '')?.[1];
    if (!no) throw new Error(`ledger item not entered: ${JSON.stringify(entered.state)}`);
    const assigned = await callAction(admin, baseURL, actionRef('app/(admin)/admin/ledger/[no]/actions.ts#transitionIssue'), { no, action: 'assign', unitId: String(unitId), publicNote: '', internalNote: '', reporterNote: '' });
    expect(assigned.redirect, `assign ${no}: ${JSON.stringify(assigned.state)}`).toContain(`/admin/ledger/${no}`);
    return first(await html(admin, `/admin/ledger/${no}`), /\/admin\/ledger\/photos\/(\d+)/g, 'issue photo');
  };

  return {
    article: first(await html(admin, '/admin/news'), /href="\/admin\/news\/(\d+)"/g, 'article'),
    creditBatch: publishedCreditBatch.id,
    creditEntry: first(await html(admin, '/admin/credit'), /href="\/admin\/credit\/entries\/(\d+)"/g, 'credit entry'),
    objection,
    file,
    person: first(await html(admin, '/admin/good-people'), /href="\/admin\/good-people\/(\d+)"/g, 'person'),
    peopleBatch,
    mediaKey,
    publishedPeopleBatch,
    publishedCreditBatch,
    unit: own.unit,
    closedIssue: own.closed,
    issuePhoto: await photoOfItemAssignedTo(own.unit),
    otherUnitIssue: other.closed,
    otherUnitPhoto: await photoOfItemAssignedTo(other.unit),
  };
}

test.beforeAll(async ({ baseURL: url }) => {
  test.setTimeout(120_000);
  baseURL = url!;
  actions = loadActions();
  as.admin = await signInRequest(baseURL, ADMIN_LOGIN.username, ADMIN_LOGIN.password);
  as.anonymous = await anonymousRequest(baseURL);
  const editor = await createAccount('editor');
  const reviewer = await createAccount('reviewer');
  // The disabled user is an administrator: if disabling did not end the session, every check would pass.
  const disabled = await createAccount('admin');
  as.editor = await signInRequest(baseURL, editor.username, PASSWORD);
  as.reviewer = await signInRequest(baseURL, reviewer.username, PASSWORD);
  as.disabled = await signInRequest(baseURL, disabled.username, PASSWORD);
  expect(h1Text(await html(as.disabled, '/admin/users'))).toContain('用户管理');
  fixtures = await findFixtures();
  // The 单位经办人, bound to the unit whose closed item the matrix opens.
  const handler = await createAccount('unit', fixtures.unit);
  as.unit = await signInRequest(baseURL, handler.username, PASSWORD);

  const off = await callAction(as.admin, baseURL, actionRef('app/(admin)/admin/users/actions.ts#setUserDisabled'), { id: String(disabled.id), disabled: 'true' });
  expect(off.state, 'disable').toMatchObject({ ok: true });
});

test.afterAll(async () => {
  await Promise.all(Object.values(as).map((context) => context.dispose()));
});

test('every admin page answers each role as the matrix says', async () => {
  test.setTimeout(120_000);
  const cases = PAGES.flatMap((page) => ROLES.map((role) => ({ page, role })));
  await inTurns(cases, async ({ page, role }) => {
    const path = page.path(fixtures);
    const label = `${role} GET ${path}`;
    const response = await as[role].get(path, { maxRedirects: 0 });
    const outcome = pageOutcome(page, role);
    if (outcome === 'login') return expectSentToLogin(response, label);
    const body = await response.text();
    if (outcome === 'forbidden') {
      // forbidden() answers 403 and renders app/forbidden.tsx from the Flight data; none of the page is rendered,
      // and the only heading in the HTML is the message for readers without JavaScript (server/http/error-document.ts).
      expect(response.status(), label).toBe(403);
      expect(h1Text(body), label).toBe('无权访问（403）');
      expect(body, label).toContain('<noscript data-error-notice>');
    } else {
      expect(response.status(), label).toBe(200);
      expect(h1Text(body), label).toMatch(page.heading);
      expect(h1Text(body), label).not.toContain('无权访问');
    }
  });
});

/** Another unit's record, asked for by the unit handler: a 404, as for a record that does not exist. */
async function expectOtherUnitNotFound(response: APIResponse, label: string, heading?: RegExp) {
  expect(response.status(), label).toBe(404);
  if (heading) expect(h1Text(await response.text()), label).not.toMatch(heading);
}

test("a unit handler gets a 404 for another unit's item: its page, its photos, its steps", async () => {
  const before = await auditTotal();
  for (const page of PAGES) {
    const other = otherUnitOf(page.unit);
    if (!other) continue;
    const path = other(fixtures);
    await expectOtherUnitNotFound(await as.unit.get(path, { maxRedirects: 0 }), `unit GET ${path}`, page.heading);
  }
  for (const route of ROUTES) {
    const other = otherUnitOf(route.unit);
    if (!other) continue;
    const path = other(fixtures);
    const response = await as.unit.get(path, { maxRedirects: 0 });
    await expectOtherUnitNotFound(response, `unit GET ${path}`);
    expect(response.headers()['content-type'], path).toMatch(/^text\/plain/);
  }
  let checked = 0;
  for (const action of ACTIONS) {
    const other = action.kind === 'form' ? otherUnitOf(action.unit) : null;
    if (!other) continue;
    const result = await callAction(as.unit, baseURL, actionRef(action.ref), other(fixtures));
    const label = `unit -> ${action.ref} (another unit's item)`;
    expect(result.redirect, label).toBeNull();
    // notFound() in an action: no state, and the answer carries Next's not-found digest, so the browser
    // shows the not-found page instead of the form's answer.
    expect(result.state, label).toBeNull();
    expect(result.text, label).toContain('NEXT_HTTP_ERROR_FALLBACK;404');
    checked += 1;
  }
  expect(checked, 'actions about another unit\'s item').toBeGreaterThan(0);
  expect(await auditTotal(), 'audit entries written by the unit handler').toBe(before);
});

test('every admin route handler answers each role as the matrix says', async () => {
  const cases = ROUTES.flatMap((route) => ROLES.map((role) => ({ route, role })));
  await inTurns(cases, async ({ route, role }) => {
    const path = route.path(fixtures);
    const label = `${role} GET ${path}`;
    const response = await as[role].get(path, { maxRedirects: 0 });
    // Without a session cookie the proxy sends every admin address to the sign-in page.
    if (role === 'anonymous' || (role === 'disabled' && route.signedOut === 'login')) return expectSentToLogin(response, label);
    if (role === 'disabled') {
      expect(response.status(), label).toBe(route.signedOut);
      return;
    }
    if (mayCall(route, role)) {
      expect(response.status(), label).toBe(200);
      expect(response.headers()['content-type'], label).toMatch(route.contentType);
    } else {
      expect(response.status(), label).toBe(403);
      expect(response.headers()['content-type'], label).toMatch(/^text\/plain/);
    }
  });
});

test('every server action refuses the roles the matrix refuses, before doing anything', async () => {
  test.setTimeout(120_000);
  const before = await auditTotal();
  const cases = ACTIONS.flatMap((action) => ROLES.map((role) => ({ action, role })));
  await inTurns(cases, async ({ action, role }) => {
    const ref = actionRef(action.ref);
    const label = `${role} -> ${action.ref}`;
    // Citizens' forms are rate limited per address: each call comes from an address of its own.
    const headers = { 'X-Forwarded-For': freshAddress() };
    const allowed = mayCall(action, role);
    if (action.kind === 'args') {
      const result = await callActionWithArgs(as[role], baseURL, ref, action.args(fixtures), { headers });
      expect(result.status, label).toBe(200);
      expect((allowed ? action.allowed : action.refused)(result.value), `${label}: ${JSON.stringify(result.value)}`).toBe(true);
      return;
    }
    const result = await callAction(as[role], baseURL, ref, action.probe?.(fixtures) ?? {}, { headers });
    expect(result.status, label).toBe(200);
    expect(result.redirect, label).toBeNull();
    const state = result.state ?? {};
    if (allowed) {
      // Field errors come from the zod schema, which guardedAction parses only after the permission check.
      expect(Object.keys((state.fieldErrors as object | undefined) ?? {}).length, `${label}: ${JSON.stringify(state)}`).toBeGreaterThan(0);
      expect([SIGNED_OUT, NO_ROLE], label).not.toContain(state.message);
    } else {
      expect(state.message, label).toBe(role === 'anonymous' || role === 'disabled' ? SIGNED_OUT : NO_ROLE);
      expect(state.fieldErrors, label).toBeUndefined();
    }
  });
  expect(await auditTotal(), 'audit entries written by the matrix').toBe(before);
});

test('refused calls with complete, valid forms change nothing either', async () => {
  const before = await auditTotal();
  const username = uniqueName('azx');
  const valid: { ref: string; fields: Record<string, string>; roles: Role[] }[] = [
    { ref: 'app/(admin)/admin/users/actions.ts#createUser', fields: { username, displayName: '越权创建', role: 'admin', password: PASSWORD }, roles: ['anonymous', 'disabled', 'editor', 'reviewer', 'unit'] },
    { ref: 'app/(admin)/admin/news/channels/actions.ts#createChannel', fields: { name: '越权栏目', slug: 'authz-intruder' }, roles: ['anonymous', 'disabled', 'editor', 'reviewer', 'unit'] },
    { ref: 'app/(admin)/admin/settings/actions.ts#updateSensitiveWords', fields: { words: '越权' }, roles: ['anonymous', 'disabled', 'editor', 'reviewer', 'unit'] },
    { ref: 'app/(admin)/admin/good-people/batches/actions.ts#createPeopleBatch', fields: { month: '2099-12' }, roles: ['anonymous', 'disabled', 'unit'] },
    { ref: 'app/(admin)/admin/credit/batches/actions.ts#createCreditBatch', fields: { title: uniqueName('越权批次') }, roles: ['anonymous', 'disabled', 'unit'] },
    // Only the 创城办 assigns: not an editor, not a unit handler (to any unit, their own included).
    { ref: 'app/(admin)/admin/ledger/actions.ts#bulkAssignIssues', fields: { nos: fixtures.otherUnitIssue, unitId: String(fixtures.unit), publicNote: '' }, roles: ['anonymous', 'disabled', 'editor', 'unit'] },
  ];
  for (const call of valid) {
    for (const role of call.roles) {
      const result = await callAction(as[role], baseURL, actionRef(call.ref), call.fields);
      expect(result.state?.message, `${role} -> ${call.ref}`).toBe(role === 'anonymous' || role === 'disabled' ? SIGNED_OUT : NO_ROLE);
      expect(result.redirect, `${role} -> ${call.ref}`).toBeNull();
    }
  }
  expect(await auditTotal()).toBe(before);
  expect(await html(as.admin, '/admin/users')).not.toContain(username);
  expect(await html(as.admin, '/admin/news/channels')).not.toContain('authz-intruder');
});

test('workflow decisions refuse editors (and reviewers where only admins decide, and unit handlers where only the 创城办 decides), whatever the guard lets in', async () => {
  const before = await auditTotal();
  for (const decision of DECISIONS) {
    const ref = actionRef(decision.ref);
    for (const [roles, message] of [
      [decision.refused.roles, decision.refused.message],
      [decision.allowed.roles, decision.allowed.message],
    ] as const) {
      for (const role of roles) {
        const result = await callAction(as[role], baseURL, ref, decision.fields(fixtures));
        const label = `${role}: ${decision.label}`;
        expect(result.redirect, label).toBeNull();
        expect(String(result.state?.message ?? JSON.stringify(result.state)), label).toMatch(message);
      }
    }
  }
  expect(await auditTotal()).toBe(before);
});

// The one signed visitor id (cookie `visitor`): a like gets a signed, HttpOnly cookie; ids the server
// did not sign are ignored (a new one is issued), so three reports with invented ids from one machine
// are one report and do not hide an approved comment.
import { randomBytes } from 'node:crypto';
import { expect, request, test } from '@playwright/test';
import { ADMIN, signedInPage } from './fixtures';
import { callAction, freshAddress, loadActions } from './security-helpers';

const SIGNED = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/;
const invented = () => randomBytes(16).toString('base64url');

test('invented visitor ids from one machine are one report; a like sets a signed visitor cookie', async ({ browser, baseURL }) => {
  const citizen = await (await browser.newContext()).newPage();
  const listing = await (await citizen.request.get('/good-people')).text();
  const personId = Number(/href="\/good-people\/(\d+)"/.exec(listing)?.[1]);
  expect(personId).toBeGreaterThan(0);
  const profile = `/good-people/${personId}`;

  // A like: the answer sets the one visitor cookie, signed and HttpOnly; the old ids are gone.
  await citizen.goto(profile);
  await citizen.getByRole('button', { name: /^为.+点赞$/ }).click();
  await expect(citizen.getByRole('status').filter({ hasText: /点赞成功|已经为TA点过赞/ })).toBeVisible();
  const cookies = await citizen.context().cookies();
  const visitor = cookies.find((c) => c.name === 'visitor');
  expect(visitor?.value).toMatch(SIGNED);
  expect(visitor).toMatchObject({ httpOnly: true, path: '/', sameSite: 'Lax' });
  expect(cookies.map((c) => c.name)).not.toContain('gpv');
  expect(cookies.map((c) => c.name)).not.toContain('vid');

  // An approved comment.
  const body = `伪造标识举报测试${invented().slice(0, 6)}：向好人学习，传递正能量！`;
  const form = citizen.getByRole('form', { name: '发表评论' });
  await form.getByLabel('评论内容').fill(body);
  await form.getByRole('button', { name: '发表评论' }).click();
  await expect(form.getByRole('status')).toHaveText('评论已提交，审核通过后显示。');
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  await admin.goto('/admin/good-people/comments');
  const queued = admin.getByRole('article').filter({ hasText: body });
  await queued.getByRole('button', { name: '通过', exact: true }).click();
  await expect(queued).toHaveCount(0);
  await citizen.reload();
  const comments = citizen.getByRole('region', { name: /网友评论/ });
  await expect(comments).toContainText(body);
  const commentId = await comments.locator('*', { hasText: body }).filter({ has: citizen.locator('input[name="commentId"]') }).last().locator('input[name="commentId"]').getAttribute('value');
  expect(Number(commentId)).toBeGreaterThan(0);

  // Three reports from one machine, each with an invented id (one with a made-up signature).
  const address = freshAddress();
  const reportAction = loadActions().get('app/(public)/good-people/actions.ts#reportAction')!;
  for (const value of [invented(), invented(), `${invented()}.${'A'.repeat(43)}`]) {
    const forger = await request.newContext({
      baseURL,
      extraHTTPHeaders: { 'X-Forwarded-For': address },
      storageState: { cookies: [{ name: 'visitor', value, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] },
    });
    const answer = await callAction(forger, baseURL!, reportAction, { commentId: String(commentId) }, { path: profile });
    expect(answer.state?.message).toBe('已收到您的举报，我们会尽快核查。');
    // The invented id was not taken: the answer issued a signed one in its place.
    const issued = (await forger.storageState()).cookies.find((c) => c.name === 'visitor')?.value;
    expect(issued).toMatch(SIGNED);
    expect(issued).not.toBe(value);
    await forger.dispose();
  }
  await citizen.reload();
  await expect(comments).toContainText(body);
});

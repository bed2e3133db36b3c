import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CategoryInfo } from './credit-entry';
import { checkImportRows, decodeCsvBytes, importTemplateRows, IMPORT_COLUMNS, isNoteRow, parseCsvText, readSpreadsheet } from './credit-import';
import { CSV_BOM, csvRow } from './csv';

const TODAY = '2026-06-15';
const CATEGORIES: CategoryInfo[] = [
  { id: 1, list: 'red', name: '诚信经营企业', periodMonths: 24 },
  { id: 6, list: 'black', name: '失信被执行人', periodMonths: 24 },
  { id: 8, list: 'black', name: '食品药品安全', periodMonths: 12 },
];
const HEADER = [...IMPORT_COLUMNS.map((c) => c.header), '地址', '联系电话'];

type Row = Record<string, string>;
function row(overrides: Row = {}): string[] {
  const base: Row = {
    '名单(红榜/黑榜)': '黑榜',
    类别: '食品药品安全',
    主体类型: '法人企业',
    名称: '江城市示例食品有限公司',
    统一社会信用代码: '91420100MA4K00001U',
    法定代表人: '王五',
    身份证号: '',
    列入事由: '销售过期食品，经查证属实，依法作出行政处罚。',
    涉及金额: '12500',
    认定部门: '江城市市场监督管理局',
    认定依据文号: '江市监罚〔2026〕12号',
    决定日期: '2026-05-10',
    列入日期: '2026-06-01',
    公示截止日期: '',
    调整原因: '',
    地址: '江城市江南区某路1号',
    联系电话: '13800001111',
  };
  const merged = { ...base, ...overrides };
  return HEADER.map((h) => merged[h] ?? '');
}
const person = (overrides: Row = {}) =>
  row({ 类别: '失信被执行人', 主体类型: '自然人', 名称: '张三', 统一社会信用代码: '', 法定代表人: '', 身份证号: '42010219800101001X', 认定依据文号: '（2026）江01执12号', ...overrides });

function csv(rows: string[][]): string {
  return rows.map((r) => csvRow(r)).join('');
}

const check = (text: string) => checkImportRows(parseCsvText(text), CATEGORIES, TODAY);

describe('reading files', () => {
  it('reads UTF-8 with a BOM and keeps spreadsheet row numbers across blank lines', async () => {
    const bytes = new TextEncoder().encode(CSV_BOM + csv([HEADER, row()]) + '\r\n' + csv([row({ 名称: '江城市第二食品有限公司', 统一社会信用代码: '91420100MA4K00002Y' })]));
    const rows = await readSpreadsheet(bytes);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(rows[0]!.cells[0]).toBe('名单(红榜/黑榜)');
    const result = checkImportRows(rows, CATEGORIES, TODAY);
    expect(result.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(result.ignoredColumns).toEqual(['地址', '联系电话']);
  });

  it('reads GBK/GB18030 bytes as Excel in China saves them', async () => {
    // "名称,类别\r\n江城,黑榜" in GBK.
    const gbk = Uint8Array.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc0, 0xe0, 0xb1, 0xf0, 0x0d, 0x0a, 0xbd, 0xad, 0xb3, 0xc7, 0x2c, 0xba, 0xda, 0xb0, 0xf1]);
    expect(decodeCsvBytes(gbk)).toBe('名称,类别\r\n江城,黑榜');
    const rows = await readSpreadsheet(gbk);
    expect(rows[1]!.cells).toEqual(['江城', '黑榜']);
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('名称\n江城'))).toBe('名称\n江城');
  });

  it('round-trips an XLSX file, with real date cells and row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('导入');
    sheet.addRow(HEADER);
    sheet.addRow(row());
    sheet.addRow([]);
    const third = person();
    const dateAt = HEADER.indexOf('决定日期');
    const values: (string | Date)[] = [...third];
    values[dateAt] = new Date(Date.UTC(2026, 4, 12));
    sheet.addRow(values);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = await readSpreadsheet(bytes);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    const result = checkImportRows(rows, CATEGORIES, TODAY);
    expect(result.problems).toEqual([]);
    expect(result.valid[1]!.entry).toMatchObject({ decisionDate: '2026-05-12', idNumberMasked: '420102********001X' });
  });
});

describe('checking rows', () => {
  it('reports every kind of bad row with its spreadsheet row number and reasons', () => {
    const result = check(
      csv([
        HEADER,
        row(), // 2 ok
        row({ 名称: '甲公司', 统一社会信用代码: '91420100MA4K00002A' }), // 3 bad check char
        person({ 身份证号: '420102198001010011' }), // 4 bad ID check
        person({ 名称: '李小', 身份证号: '420102201506010028' }), // 5 minor
        person({ 名称: '王未', 身份证号: '420102209901010032' }), // 6 birth in future
        row({ 名称: '乙公司', 统一社会信用代码: '91420100MA4K000032', 决定日期: '2026-06-05', 列入日期: '2026-06-01' }), // 7 dates out of order
        row({ 类别: '不存在的类别' }), // 8 unknown category
        row({ '名单(红榜/黑榜)': '红榜' }), // 9 category of the other list
        row({ 认定部门: '' }), // 10 missing required field
        row({ 涉及金额: '12万' }), // 11 amount format
        row({ 统一社会信用代码: '91420100MA4K000045', 公示截止日期: '2027-12-31' }), // 12 override without reason
        row(), // 13 duplicate of row 2
      ]),
    );
    expect(result.fileError).toBeNull();
    expect(result.totalRows).toBe(12);
    expect(result.valid.map((v) => v.row)).toEqual([2]);
    expect(result.invalidCount).toBe(10);
    expect(result.duplicateCount).toBe(1);
    const byRow = Object.fromEntries(result.problems.map((p) => [p.row, p.messages.join(' | ')]));
    expect(Object.keys(byRow).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(byRow[3]).toContain('统一社会信用代码：统一社会信用代码校验位不正确：按前17位计算，第18位应为“Y”');
    expect(byRow[4]).toContain('身份证号：身份证号码校验位不正确');
    expect(byRow[5]).toBe('身份证号：不得公示未成年人的信息（按身份证号计算，决定日期时未满18周岁）');
    expect(byRow[6]).toContain('晚于今天');
    expect(byRow[7]).toContain('列入日期：列入日期不能早于决定日期');
    expect(byRow[8]).toContain('类别：“不存在的类别”不存在。红榜类别：诚信经营企业；黑榜类别：失信被执行人、食品药品安全');
    expect(byRow[9]).toContain('属于黑榜，不能列入红榜');
    expect(byRow[10]).toBe('认定部门：请填写认定部门');
    expect(byRow[11]).toContain('涉及金额：');
    expect(byRow[12]).toContain('调整原因：');
    expect(byRow[13]).toContain('与第2行重复');
    expect(result.problems.find((p) => p.row === 3)!.name).toBe('甲公司');
  });

  it('refuses a file without the required columns, and names them', () => {
    const result = check(csv([['名称', '类别'], ['甲', '乙']]));
    expect(result.fileError).toContain('缺少必需的列：名单、主体类型、列入事由、认定部门、决定日期、列入日期');
    expect(result.valid).toEqual([]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(check('').fileError).toContain('文件是空的');
    expect(check(csv([HEADER])).fileError).toContain('没有数据行');
  });

  it('matches headers written with full-width brackets or extra spaces and reads list words', () => {
    const header = HEADER.map((h) => (h === '名单(红榜/黑榜)' ? ' 名单（红榜/黑榜） ' : h));
    const result = check(csv([header, row({ '名单(红榜/黑榜)': '失信黑榜' })]));
    expect(result.problems).toEqual([]);
    expect(result.valid[0]!.entry.list).toBe('black');
    expect(check(csv([HEADER, row({ '名单(红榜/黑榜)': '灰榜' })])).problems[0]!.messages[0]).toContain('“灰榜”无法识别');
  });

  it('never carries ignored columns into the entry', () => {
    const result = check(csv([HEADER, row()]));
    expect(JSON.stringify(result.valid[0]!.entry)).not.toContain('13800001111');
    expect(JSON.stringify(result.valid[0]!.entry)).not.toContain('某路1号');
  });
});

describe('the import template', () => {
  const template = importTemplateRows(CATEGORIES);

  it('carries an example row and the allowed 类别 and 主体类型 values as note rows', () => {
    expect(template[0]).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    const notes = template.slice(1);
    expect(notes.every((cells) => isNoteRow(cells))).toBe(true);
    const text = notes.map((cells) => cells.join(' ')).join('\n');
    expect(text).toContain('红榜类别：诚信经营企业');
    expect(text).toContain('黑榜类别：失信被执行人、食品药品安全');
    expect(text).toContain('主体类型：法人企业、个体工商户、自然人、机关事业单位/社会组织');
    expect(notes.some((cells) => cells.length === IMPORT_COLUMNS.length && cells[3] === '江城市示例食品有限公司')).toBe(true);
  });

  it('is accepted as it is: the notes are skipped, and rows filled in below them import with their row numbers', () => {
    expect(check(csv(template)).fileError).toContain('没有数据行');
    expect(check(csv(template)).fileError).not.toContain('缺少');
    const filled = check(csv([...template, row().slice(0, IMPORT_COLUMNS.length)]));
    expect(filled.fileError).toBeNull();
    expect(filled.problems).toEqual([]);
    expect(filled.valid.map((v) => v.row)).toEqual([template.length + 1]);
  });

  it('has an example that is itself a valid row once its mark is removed', () => {
    const example = template.find((cells) => cells[3] === '江城市示例食品有限公司')!;
    const result = check(csv([template[0]!, [example[0]!.replace(/^#示例：/, ''), ...example.slice(1)]]));
    expect(result.problems).toEqual([]);
    expect(result.valid).toHaveLength(1);
  });
});

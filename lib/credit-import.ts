// Bulk import of credit entries from CSV (UTF-8 or GB18030, as Excel in China saves it) or XLSX: reading
// the sheet, mapping the Chinese header, and checking every row with the same rules as the editors' form.
// Pure apart from parsing; whether a row is already in the database is asked by the caller.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { CREDIT_FIELD_LABELS, validateCreditEntry, type CategoryInfo, type CreditEntryDraft, type CreditEntryField, type ValidCreditEntry } from './credit-entry';
import { SUBJECT_KINDS } from './enums';

type Column = { header: string; field: CreditEntryField | 'category'; required: boolean };

/** The template's columns, in order. Headers are matched without the bracketed hint and spaces. */
export const IMPORT_COLUMNS: readonly Column[] = [
  { header: '名单(红榜/黑榜)', field: 'list', required: true },
  { header: '类别', field: 'category', required: true },
  { header: '主体类型', field: 'subjectKind', required: true },
  { header: '名称', field: 'name', required: true },
  { header: '统一社会信用代码', field: 'creditCode', required: false },
  { header: '法定代表人', field: 'legalRep', required: false },
  { header: '身份证号', field: 'idNumber', required: false },
  { header: '列入事由', field: 'reason', required: true },
  { header: '涉及金额', field: 'amount', required: false },
  { header: '认定部门', field: 'authority', required: true },
  { header: '认定依据文号', field: 'basisDoc', required: false },
  { header: '决定日期', field: 'decisionDate', required: true },
  { header: '列入日期', field: 'listedDate', required: true },
  { header: '公示截止日期', field: 'publicationEnd', required: false },
  { header: '调整原因', field: 'publicationEndReason', required: false },
];

export const MAX_IMPORT_ROWS = 200_000;

/**
 * Rows whose first cell starts with # are notes (the template's example and allowed values): the check
 * skips them, so the template can be filled in below its notes and imported as it is.
 */
export const NOTE_MARK = '#';

export function isNoteRow(cells: readonly string[]): boolean {
  return (cells[0] ?? '').trim().startsWith(NOTE_MARK);
}

/**
 * The import template: the header, an example row and the allowed values, as note rows the check skips.
 * Categories are the site's current ones (admin-editable), each under its list.
 */
export function importTemplateRows(categories: readonly Pick<CategoryInfo, 'list' | 'name'>[]): string[][] {
  const names = (list: 'red' | 'black') => categories.filter((c) => c.list === list).map((c) => c.name).join('、') || '（暂无）';
  const example: Record<string, string> = {
    '名单(红榜/黑榜)': `${NOTE_MARK}示例：黑榜`,
    类别: categories.find((c) => c.list === 'black')?.name ?? '食品药品安全',
    主体类型: '法人企业',
    名称: '江城市示例食品有限公司',
    统一社会信用代码: '91350100M000100Y43',
    法定代表人: '王某',
    身份证号: '',
    列入事由: '销售超过保质期的食品，经查证属实，依法作出行政处罚。',
    涉及金额: '5000',
    认定部门: '江城市市场监督管理局',
    认定依据文号: '江市监罚〔2026〕1号',
    决定日期: '2026-03-15',
    列入日期: '2026-03-20',
    公示截止日期: '',
    调整原因: '',
  };
  const note = (text: string) => [`${NOTE_MARK} ${text}`];
  return [
    IMPORT_COLUMNS.map((c) => c.header),
    note('以 # 开头的行是说明，导入时跳过；请从下方空行起每行填写一条记录，说明行可保留。'),
    IMPORT_COLUMNS.map((c) => example[c.header] ?? ''),
    note('名单：红榜 或 黑榜'),
    note(`红榜类别：${names('red')}`),
    note(`黑榜类别：${names('black')}`),
    note(`主体类型：${SUBJECT_KINDS.join('、')}`),
    note('单位填写统一社会信用代码，自然人填写身份证号；日期写作 2026-03-15；公示截止日期留空则按类别公示期限计算。'),
  ];
}

/** The column name a field's problems are reported under. */
const FIELD_HEADERS: Record<CreditEntryField, string> = CREDIT_FIELD_LABELS;

/** One spreadsheet row with the number the spreadsheet program shows for it (header = row 1). */
export type SheetRow = { row: number; cells: string[] };

// ------------------------------------------------------------------------------------------- reading

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (which covers GBK). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseCsvText(text: string): SheetRow[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const rows: SheetRow[] = [];
  parsed.data.forEach((cells, i) => {
    if (Array.isArray(cells) && cells.some((c) => String(c ?? '').trim() !== '')) rows.push({ row: i + 1, cells: cells.map((c) => String(c ?? '')) });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10); // Excel dates are read as UTC midnight
  // 18-digit numbers have lost their last digits already; shown as such, the row's check then says so.
  if (typeof value === 'number') return Math.abs(value) >= 1e15 ? value.toExponential() : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

/** The first worksheet of an XLSX file. */
export async function parseXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = Array.from(values, (v) => cellText((v ?? null) as ExcelJS.CellValue));
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export function isXlsx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A CSV or XLSX file, told apart by its content (not its name). */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SheetRow[]> {
  return isXlsx(bytes) ? parseXlsx(bytes) : parseCsvText(decodeCsvBytes(bytes));
}

// ------------------------------------------------------------------------------------------ checking

export type ImportProblem = { row: number; name: string; messages: string[] };

export type ImportCheck = {
  /** A problem with the whole file (no header, missing columns, too many rows): nothing else is checked. */
  fileError: string | null;
  ignoredColumns: string[];
  totalRows: number;
  valid: { row: number; entry: ValidCreditEntry }[];
  /** Every bad row (invalid or repeating an earlier row), in row order. */
  problems: ImportProblem[];
  invalidCount: number;
  duplicateCount: number;
};

const headerKey = (text: string) => text.replace(/[（(].*?[)）]/g, '').replace(/[\s*＊\uFEFF]/g, '');

const LIST_WORDS: Record<string, 'red' | 'black'> = { 红榜: 'red', 守信红榜: 'red', 红: 'red', red: 'red', 黑榜: 'black', 失信黑榜: 'black', 黑: 'black', black: 'black' };

function emptyCheck(fileError: string, ignoredColumns: string[] = []): ImportCheck {
  return { fileError, ignoredColumns, totalRows: 0, valid: [], problems: [], invalidCount: 0, duplicateCount: 0 };
}

/**
 * Checks every data row of a sheet whose first row is the header. Address, phone, bank account or any
 * other extra column is ignored (never stored) and named in `ignoredColumns`.
 */
export function checkImportRows(rows: readonly SheetRow[], categories: readonly CategoryInfo[], today: string): ImportCheck {
  const [header, ...all] = rows;
  const data = all.filter((r) => !isNoteRow(r.cells));
  if (!header) return emptyCheck('文件是空的：第1行应为表头，从第2行起每行一条记录。请下载导入模板填写。');
  const index = new Map<Column['field'], number>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((text, i) => {
    const key = headerKey(text);
    const column = IMPORT_COLUMNS.find((c) => headerKey(c.header) === key);
    if (column && !index.has(column.field)) index.set(column.field, i);
    else if (text.trim()) ignoredColumns.push(text.trim());
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.field)).map((c) => headerKey(c.header));
  if (missing.length > 0) return emptyCheck(`缺少必需的列：${missing.join('、')}。请使用导入模板的表头（第${header.row}行）。`, ignoredColumns);
  if (data.length === 0) return emptyCheck('文件中没有数据行：第1行是表头，请从第2行起填写记录（以 # 开头的说明行不算）。', ignoredColumns);
  if (data.length > MAX_IMPORT_ROWS) return emptyCheck(`单次最多导入${MAX_IMPORT_ROWS}行，本文件有${data.length}行，请分成几个文件导入。`, ignoredColumns);

  const byName = new Map(categories.map((c) => [c.name, c]));
  const names = (list: 'red' | 'black') => categories.filter((c) => c.list === list).map((c) => c.name).join('、');
  const result: ImportCheck = { fileError: null, ignoredColumns, totalRows: data.length, valid: [], problems: [], invalidCount: 0, duplicateCount: 0 };
  const seen = new Map<string, number>();

  for (const { row, cells } of data) {
    const cell = (field: Column['field']) => {
      const i = index.get(field);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const messages: string[] = [];
    const listText = cell('list');
    const list = LIST_WORDS[listText.toLowerCase()] ?? LIST_WORDS[listText];
    if (!list) messages.push(listText ? `名单：“${listText}”无法识别，应填写“红榜”或“黑榜”` : '名单：请填写“红榜”或“黑榜”');
    const categoryName = cell('category');
    const category = byName.get(categoryName);
    if (!categoryName) messages.push('类别：请填写类别名称');
    else if (!category) messages.push(`类别：“${categoryName}”不存在。红榜类别：${names('red')}；黑榜类别：${names('black')}`);

    const draft: CreditEntryDraft = {
      list: list ?? '',
      categoryId: category?.id ?? null,
      subjectKind: cell('subjectKind'),
      name: cell('name'),
      creditCode: cell('creditCode'),
      legalRep: cell('legalRep'),
      idNumber: cell('idNumber'),
      reason: cell('reason'),
      amount: cell('amount'),
      authority: cell('authority'),
      basisDoc: cell('basisDoc'),
      decisionDate: cell('decisionDate'),
      listedDate: cell('listedDate'),
      publicationEnd: cell('publicationEnd'),
      publicationEndReason: cell('publicationEndReason'),
    };
    const checked = validateCreditEntry(draft, categories, today);
    if (!checked.ok) {
      for (const [field, message] of Object.entries(checked.errors) as [CreditEntryField, string][]) {
        // Already said above, in the file's own words.
        if ((field === 'list' && !list) || (field === 'categoryId' && !category)) continue;
        messages.push(`${FIELD_HEADERS[field]}：${message}`);
      }
    }
    if (messages.length > 0 || !checked.ok) {
      result.invalidCount++;
      result.problems.push({ row, name: draft.name, messages });
      continue;
    }
    const first = seen.get(checked.entry.dedupeKey);
    if (first !== undefined) {
      result.duplicateCount++;
      result.problems.push({ row, name: draft.name, messages: [`与第${first}行重复（同一名单、类别、主体、决定日期和文号），请删除其中一行`] });
      continue;
    }
    seen.set(checked.entry.dedupeKey, row);
    result.valid.push({ row, entry: checked.entry });
  }
  return result;
}

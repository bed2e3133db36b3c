// Bulk import of items found by inspections (督查) from CSV or XLSX, like the credit import: the sheet is
// read by lib/credit-import's reader, each row checked with the same rules as the staff form (lengths,
// the personal-number screen, a known category, area and unit), and repeated rows reported. Whether a
// finding is already in the ledger is asked by the caller (findingKey).
import { z } from 'zod';
import { visibleText } from './citizen-input';
import { isNoteRow, MAX_IMPORT_ROWS, NOTE_MARK, type ImportProblem, type SheetRow } from './credit-import';

export { readSpreadsheet } from './credit-import';
export type { SheetRow, ImportProblem };

type Field = 'category' | 'description' | 'address' | 'area' | 'unit' | 'documentNo';
type Column = { header: string; field: Field; required: boolean };

/** The template's columns, in order. Headers are matched without the bracketed hint and spaces. */
export const INSPECTION_COLUMNS: readonly Column[] = [
  { header: '问题类别', field: 'category', required: true },
  { header: '问题描述', field: 'description', required: true },
  { header: '详细地点', field: 'address', required: true },
  { header: '片区/网格', field: 'area', required: false },
  { header: '责任单位(可空，填写则直接交办)', field: 'unit', required: false },
  { header: '督查文号', field: 'documentNo', required: true },
];

export type InspectionFinding = { categoryId: number; description: string; address: string; area: string; unitId: number | null; documentNo: string };

export type InspectionCheck = {
  fileError: string | null;
  ignoredColumns: string[];
  totalRows: number;
  valid: { row: number; finding: InspectionFinding }[];
  problems: ImportProblem[];
  invalidCount: number;
  duplicateCount: number;
};

/** What identifies a finding: its document, place and description (importing a file twice adds nothing). */
export function findingKey(f: Pick<InspectionFinding, 'documentNo' | 'address' | 'description'>): string {
  return `${f.documentNo}\u0000${f.address}\u0000${f.description}`;
}

const headerKey = (text: string) => text.replace(/[（(].*?[)）]/g, '').replace(/[\s*＊\uFEFF]/g, '');

const FIELD_RULES = {
  description: visibleText('问题描述', 10, 1000),
  address: visibleText('详细地点', 4, 100),
  area: visibleText('片区/网格', 0, 40),
  documentNo: visibleText('督查文号', 2, 60),
} satisfies Partial<Record<Field, z.ZodType<string>>>;

/** The template: the header and an example as a note row (skipped by the check). */
export function inspectionTemplateRows(categories: readonly { name: string }[]): string[][] {
  return [
    INSPECTION_COLUMNS.map((c) => c.header),
    [`${NOTE_MARK}示例：${categories[0]?.name ?? '环境卫生'}`, '路边绿化带内堆放建筑垃圾，未及时清运。', '江南区长湖街道长湖路88号东侧', '新苑社区', '', '江创办督〔2026〕12号'],
    [`${NOTE_MARK}问题类别可填：${categories.map((c) => c.name).join('、') || '（暂无）'}`],
  ];
}

function emptyCheck(fileError: string, ignoredColumns: string[] = []): InspectionCheck {
  return { fileError, ignoredColumns, totalRows: 0, valid: [], problems: [], invalidCount: 0, duplicateCount: 0 };
}

/**
 * Checks every data row of a sheet whose first row is the header. Unknown columns are ignored (never
 * stored) and named. `areas` are the active units' areas; `units` the active units by name.
 */
export function checkInspectionRows(rows: readonly SheetRow[], categories: readonly { id: number; name: string }[], units: readonly { id: number; name: string }[], areas: readonly string[]): InspectionCheck {
  const [header, ...all] = rows;
  if (!header) return emptyCheck('文件是空的：第1行应为表头，从第2行起每行一个问题。请下载导入模板填写。');
  const data = all.filter((r) => !isNoteRow(r.cells));
  const index = new Map<Field, number>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((text, i) => {
    const column = INSPECTION_COLUMNS.find((c) => headerKey(c.header) === headerKey(text));
    if (column && !index.has(column.field)) index.set(column.field, i);
    else if (text.trim()) ignoredColumns.push(text.trim());
  });
  const missing = INSPECTION_COLUMNS.filter((c) => c.required && !index.has(c.field)).map((c) => headerKey(c.header));
  if (missing.length > 0) return emptyCheck(`缺少必需的列：${missing.join('、')}。请使用导入模板的表头（第${header.row}行）。`, ignoredColumns);
  if (data.length === 0) return emptyCheck('文件中没有数据行：第1行是表头，请从第2行起填写问题（以 # 开头的说明行不算）。', ignoredColumns);
  if (data.length > MAX_IMPORT_ROWS) return emptyCheck(`单次最多导入${MAX_IMPORT_ROWS}行，本文件有${data.length}行，请分成几个文件导入。`, ignoredColumns);

  const categoryByName = new Map(categories.map((c) => [c.name, c.id]));
  const unitByName = new Map(units.map((u) => [u.name, u.id]));
  const knownAreas = new Set(areas);
  const result: InspectionCheck = { fileError: null, ignoredColumns, totalRows: data.length, valid: [], problems: [], invalidCount: 0, duplicateCount: 0 };
  const seen = new Map<string, number>();
  for (const { row, cells } of data) {
    const cell = (field: Field) => {
      const i = index.get(field);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const messages: string[] = [];
    const categoryName = cell('category');
    const categoryId = categoryByName.get(categoryName);
    if (!categoryName) messages.push('问题类别：请填写问题类别');
    else if (categoryId === undefined) messages.push(`问题类别：“${categoryName}”不存在。可填：${categories.map((c) => c.name).join('、')}`);
    const text: Partial<Record<keyof typeof FIELD_RULES, string>> = {};
    for (const [field, rule] of Object.entries(FIELD_RULES) as [keyof typeof FIELD_RULES, z.ZodType<string>][]) {
      const parsed = rule.safeParse(cell(field));
      if (parsed.success) text[field] = parsed.data;
      else messages.push(...parsed.error.issues.map((issue) => issue.message));
    }
    if (text.area && !knownAreas.has(text.area)) messages.push(`片区/网格：“${text.area}”不是任何责任单位负责的片区/网格`);
    const unitName = cell('unit');
    const unitId = unitName ? unitByName.get(unitName) : null;
    if (unitId === undefined) messages.push(`责任单位：“${unitName}”不存在或已停用`);
    const name = `${text.address ?? cell('address')}`;
    if (messages.length > 0) {
      result.invalidCount++;
      result.problems.push({ row, name, messages });
      continue;
    }
    const finding: InspectionFinding = { categoryId: categoryId!, description: text.description!, address: text.address!, area: text.area ?? '', unitId: unitId ?? null, documentNo: text.documentNo! };
    const key = findingKey(finding);
    const first = seen.get(key);
    if (first !== undefined) {
      result.duplicateCount++;
      result.problems.push({ row, name, messages: [`与第${first}行重复（同一督查文号、地点和问题描述），请删除其中一行`] });
      continue;
    }
    seen.set(key, row);
    result.valid.push({ row, finding });
  }
  return result;
}

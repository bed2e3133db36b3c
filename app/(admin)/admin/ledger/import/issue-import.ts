// 督查 findings imported from CSV (UTF-8 or GBK) or XLSX: the header mapped by its Chinese names, every row
// checked with the staff entry form's schema (lib/ledger-input staffIssueFields, so the personal-number
// screen applies), repeats within the file and against stored items reported by row number. Nothing is written.
import { isNoteRow, NOTE_MARK, type SheetRow } from '@/lib/credit-import';
import { ISSUE_SOURCES, type IssueSource } from '@/lib/enums';
import { staffIssueFields } from '@/lib/ledger-input';

type Field = 'source' | 'documentNo' | 'category' | 'address' | 'area' | 'description';
export const ISSUE_IMPORT_COLUMNS: readonly { header: string; field: Field; required: boolean }[] = [
  { header: '来源', field: 'source', required: false },
  { header: '督查文号', field: 'documentNo', required: true },
  { header: '问题类别', field: 'category', required: true },
  { header: '详细地点', field: 'address', required: true },
  { header: '所在片区/网格', field: 'area', required: false },
  { header: '问题描述', field: 'description', required: true },
];
const LABELS: Record<string, string> = { source: '来源', documentNo: '督查文号', categoryId: '问题类别', address: '详细地点', area: '所在片区/网格', description: '问题描述' };

export const MAX_ISSUE_IMPORT_ROWS = 5000;

export type ValidImportRow = { row: number; source: IssueSource; documentNo: string; categoryId: number; address: string; area: string; description: string; key: string };
export type IssueImportReport = {
  fileError: string | null;
  ignoredColumns: string[];
  totalRows: number;
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  problems: { row: number; name: string; messages: string[] }[];
};

/** What makes two rows the same finding: the document, the place and the text. */
export const findingKey = (r: { documentNo: string; address: string; description: string }) => `${r.documentNo}\u0000${r.address}\u0000${r.description}`;

const headerKey = (text: string) => text.replace(/[（(].*?[)）]/g, '').replace(/[\s*＊\uFEFF]/g, '');

export function fileProblem(message: string, ignoredColumns: string[] = []): IssueImportReport {
  return { fileError: message, ignoredColumns, totalRows: 0, newCount: 0, existingCount: 0, invalidCount: 0, duplicateCount: 0, problems: [] };
}

export function checkIssueRows(rows: readonly SheetRow[], categories: readonly { id: number; name: string }[], areas: readonly string[]): { report: IssueImportReport; valid: ValidImportRow[] } {
  const [header, ...all] = rows;
  if (!header) return { report: fileProblem('文件是空的：第1行应为表头，从第2行起每行一个问题。请下载导入模板填写。'), valid: [] };
  const data = all.filter((r) => !isNoteRow(r.cells));
  const index = new Map<Field, number>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((text, i) => {
    const column = ISSUE_IMPORT_COLUMNS.find((c) => headerKey(c.header) === headerKey(text));
    if (column && !index.has(column.field)) index.set(column.field, i);
    else if (text.trim()) ignoredColumns.push(text.trim());
  });
  const missing = ISSUE_IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.field)).map((c) => c.header);
  if (missing.length > 0) return { report: fileProblem(`缺少必需的列：${missing.join('、')}。请使用导入模板的表头。`, ignoredColumns), valid: [] };
  if (data.length === 0) return { report: fileProblem('文件中没有数据行：请从第2行起每行填写一个问题（以 # 开头的说明行不算）。', ignoredColumns), valid: [] };
  if (data.length > MAX_ISSUE_IMPORT_ROWS) return { report: fileProblem(`单次最多导入${MAX_ISSUE_IMPORT_ROWS}行，本文件有${data.length}行，请分成几个文件导入。`, ignoredColumns), valid: [] };

  const byName = new Map(categories.map((c) => [c.name, c.id]));
  const knownAreas = new Set(areas);
  const report: IssueImportReport = { fileError: null, ignoredColumns, totalRows: data.length, newCount: 0, existingCount: 0, invalidCount: 0, duplicateCount: 0, problems: [] };
  const valid: ValidImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of data) {
    const cell = (field: Field) => {
      const i = index.get(field);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const messages: string[] = [];
    const sourceText = cell('source') || '督查';
    if (sourceText === '随手拍' || !(ISSUE_SOURCES as readonly string[]).includes(sourceText)) messages.push(`来源：“${sourceText}”无法识别，应填写督查、测评或12345（留空即督查）`);
    const categoryName = cell('category');
    const categoryId = byName.get(categoryName);
    if (!categoryName) messages.push('问题类别：请填写类别名称');
    else if (!categoryId) messages.push(`问题类别：“${categoryName}”不存在。可填写：${categories.map((c) => c.name).join('、')}`);
    const area = cell('area');
    if (area && !knownAreas.has(area)) messages.push(`所在片区/网格：“${area}”不是任何责任单位负责的片区，请核对或留空`);
    const parsed = staffIssueFields.safeParse({ source: sourceText, categoryId: String(categoryId ?? ''), description: cell('description'), address: cell('address'), area, documentNo: cell('documentNo') });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field === 'source' || field === 'categoryId') continue; // said above in the file's words
        messages.push(`${LABELS[field] ?? field}：${issue.message}`);
      }
    }
    const documentNo = cell('documentNo');
    if (sourceText === '督查' && !documentNo) messages.push('督查文号：督查发现的问题须填写督查通报或交办单的文号');
    const name = `${cell('address').slice(0, 20)}`;
    if (messages.length > 0 || !parsed.success || !categoryId) {
      report.invalidCount++;
      report.problems.push({ row, name, messages: [...new Set(messages)] });
      continue;
    }
    const v = parsed.data;
    const entry = { row, source: v.source, documentNo: v.documentNo, categoryId, address: v.address, area: v.area, description: v.description, key: '' };
    entry.key = findingKey(entry);
    const first = seen.get(entry.key);
    if (first !== undefined) {
      report.duplicateCount++;
      report.problems.push({ row, name, messages: [`与第${first}行重复（同一文号、地点和描述），请删除其中一行`] });
      continue;
    }
    seen.set(entry.key, row);
    valid.push(entry);
  }
  return { report, valid };
}

/** The template: the header, an example and the allowed values as note rows (skipped by the import). */
export function issueTemplateRows(categories: readonly { name: string }[], areas: readonly string[]): string[][] {
  const note = (text: string) => [`${NOTE_MARK} ${text}`];
  return [
    ISSUE_IMPORT_COLUMNS.map((c) => c.header),
    note('以 # 开头的行是说明，导入时跳过；请从下方空行起每行填写一个问题，说明行可保留。'),
    [`${NOTE_MARK}督查`, '江创城督〔2026〕12号', categories[0]?.name ?? '环境卫生', '解放路与人民路交叉口东北角', areas[0] ?? '', '人行道上堆放建筑垃圾约两立方米，影响行人通行，周边无围挡。'],
    note('来源：督查、测评 或 12345（留空即督查）；督查问题必须填写督查文号'),
    note(`问题类别：${categories.map((c) => c.name).join('、') || '（暂无）'}`),
    note('所在片区/网格：可留空；填写时须是责任单位负责的片区名称'),
    note('问题描述10-1000个字，公开显示在台账上，请勿写入姓名、电话、身份证号等个人信息。'),
  ];
}

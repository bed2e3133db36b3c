// The 预检 report of a 督查 import file, as the page shows it (types and a file-level problem only).
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

export function fileProblem(message: string, ignoredColumns: string[] = []): IssueImportReport {
  return { fileError: message, ignoredColumns, totalRows: 0, newCount: 0, existingCount: 0, invalidCount: 0, duplicateCount: 0, problems: [] };
}

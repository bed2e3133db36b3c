// Shapes shared by the credit pages, their client components and actions (types only, no server code).
import type { ActionState } from '@/server/actions';

/** The 预检 report of an import file: counts and every bad row with its spreadsheet row number. */
export type ImportReport = {
  fileError: string | null;
  ignoredColumns: string[];
  totalRows: number;
  /** Rows that pass every check (new and already stored). */
  validCount: number;
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  problems: { row: number; name: string; messages: string[] }[];
  /** Bad rows beyond those listed (very large files only). */
  problemsNotShown: number;
};

export type ImportActionState = ActionState & {
  report?: ImportReport;
  /** The uploaded file kept on the server for 确认导入. */
  token?: string;
  batchId?: number;
  fileName?: string;
  imported?: { inserted: number; existing: number };
  /** When the server answered (ms), so the form shows the newer of its two steps' answers. */
  at?: number;
};

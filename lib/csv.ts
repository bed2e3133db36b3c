// CSV for spreadsheets (RFC 4180 quoting), safe to open in Excel and WPS.

/** A UTF-8 byte order mark: without it Excel reads a UTF-8 file as the local code page and garbles Chinese. */
export const CSV_BOM = '\uFEFF';

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection);
// tab and carriage return count too because some programs strip them and then see the formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: empty for null, formula starts neutralised with a leading ', quoted when it must be. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ending with CRLF as RFC 4180 asks. */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

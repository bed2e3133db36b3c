// Ledger item numbers: ZG-<year>-<6 digits>, e.g. ZG-2026-000123 (the receipt a reporter keeps).

const PATTERN = /^ZG-(\d{4})-(\d{6})$/;

export function formatIssueNo(year: number, seq: number): string {
  return `ZG-${String(year).padStart(4, '0')}-${String(seq).padStart(6, '0')}`;
}

/** Upper-cases, trims and turns full-width characters ASCII, as a number is typed or read over the phone. */
export function normalizeIssueNo(input: string): string {
  return input.normalize('NFKC').replace(/\s/g, '').toUpperCase();
}

/** The year and sequence of a well-formed number, or null. */
export function parseIssueNo(input: string): { year: number; seq: number } | null {
  const m = PATTERN.exec(normalizeIssueNo(input));
  if (!m) return null;
  const seq = Number(m[2]);
  return seq > 0 ? { year: Number(m[1]), seq } : null;
}

export function isIssueNo(input: string): boolean {
  return parseIssueNo(input) !== null;
}

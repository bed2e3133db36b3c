import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { safeErrorSummary } from './log-error';

describe('safeErrorSummary', () => {
  it('keeps the SQL and the PostgreSQL code but never the parameters or messages', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "credit_entries_dedupe_key"'), {
      code: '23505',
      constraint: 'credit_entries_dedupe_key',
      detail: 'Key (id_number)=(11010519491231002X) already exists.',
    });
    const error = new DrizzleQueryError('insert into "credit_entries" ("id_number", "phone") values ($1, $2)', ['11010519491231002X', '13812345678'], cause);
    const line = safeErrorSummary(error);
    expect(line).toContain('code 23505');
    expect(line).toContain('credit_entries_dedupe_key');
    expect(line).toContain('values ($1, $2)');
    expect(line).not.toContain('11010519491231002X');
    expect(line).not.toContain('13812345678');
  });

  it('does not repeat the message of other errors', () => {
    const line = safeErrorSummary(new TypeError('cannot read 13812345678'));
    expect(line.startsWith('TypeError')).toBe(true);
    expect(line).not.toContain('13812345678');
    expect(safeErrorSummary('a string')).toBe('string');
  });
});

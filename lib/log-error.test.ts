import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { redactLogArguments, safeErrorSummary } from './log-error';

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

describe('redactLogArguments', () => {
  const ID = '11010519491231002X';
  const PHONE = '13812345678';

  it('cuts query strings from URLs and paths and masks personal numbers in any text', () => {
    const [line] = redactLogArguments([`GET /credit?q=${ID}&page=2 failed; see https://city.example/search?q=${encodeURIComponent('张三')} (tel ${PHONE})`]);
    expect(line).toContain('/credit?[query removed]');
    expect(line).toContain('https://city.example/search?[query removed]');
    expect(line).not.toContain(ID);
    expect(line).not.toContain(PHONE);
    expect(line).not.toContain('page=2');
    expect(line).toContain('138****5678');
  });

  it('reports a driver error by its SQL only, and keeps the digest Next.js gives', () => {
    const error = Object.assign(new DrizzleQueryError('select * from "credit_entries" where "name" like $1', [`%${ID}%`], new Error('canceling statement')), { digest: '4242' });
    const [line] = redactLogArguments([error]) as [string];
    expect(line).toContain('like $1');
    expect(line).toContain('[digest 4242]');
    expect(line).not.toContain(ID);
  });

  it('masks other errors, their messages quoting a URL or a "params:" tail, and plain objects', () => {
    const error = new Error(`Failed query: select 1\nparams: ${ID},${PHONE}`);
    const [text, info, count] = redactLogArguments([error, { url: `/news?q=${PHONE}`, nested: { ids: [ID] } }, 3]) as [string, { url: string; nested: { ids: string[] } }, number];
    expect(text).toContain('params: [removed]');
    expect(text).not.toContain(PHONE);
    expect(text).toMatch(/\n\s+at /);
    expect(info.url).toBe('/news?[query removed]');
    expect(info.nested.ids[0]).not.toBe(ID);
    expect(count).toBe(3);
  });
});

// What the server log may say about a failure. Database errors from Drizzle carry every bound value of
// the failed query in their message (`params: …`), and PostgreSQL's own messages and details can quote
// values too ("Key (dedupe_key)=(…)", "invalid input syntax: …"): ID numbers, phones, names. So the log
// gets the error's kind, the SQL text with its placeholders, the PostgreSQL code and constraint — never
// a message or parameter.

import { maskPiiInText } from './pii-detect';

type PgLike = { code?: unknown; constraint?: unknown; routine?: unknown; name?: unknown };

function pgPart(cause: unknown): string {
  if (!cause || typeof cause !== 'object') return '';
  const { code, constraint, routine, name } = cause as PgLike;
  return [typeof name === 'string' ? name : null, typeof code === 'string' ? `code ${code}` : null, typeof constraint === 'string' ? `constraint ${constraint}` : null, typeof routine === 'string' ? `in ${routine}` : null]
    .filter(Boolean)
    .join(', ');
}

/** A one-line description of an error that is safe to log (no values from the query or the user). */
export function safeErrorSummary(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const query = (error as { query?: unknown }).query;
  if (typeof query === 'string') {
    const sql = query.length > 300 ? `${query.slice(0, 300)}…` : query;
    return `database query failed (${pgPart(error.cause) || 'no driver detail'}): ${sql}`;
  }
  const pg = pgPart(error);
  if (pg && (error as PgLike).code !== undefined) return `database error (${pg})`;
  // Other errors are ours or the runtime's: their name and the first frame are enough to find them.
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim() ?? '';
  return `${error.name}${frame ? ` ${frame}` : ''}`;
}

// Everything the server process logs (Next.js's own render-error reports included) passes through
// redactLogArguments (installed by server/log-redaction.ts): query strings are cut from URLs and paths,
// a driver's "params: …" tail is dropped, and personal numbers left in any text are masked.
const URL_QUERY = /((?:https?:\/\/[^\s/?#"'<>]*)?\/[^\s?#"'<>]*)\?[^\s"'<>)\]]+/g;
const PARAMS_TAIL = /\bparams: [\s\S]*$/m;

/** A line of log text without query strings, bound parameters or full personal numbers. */
export function redactLogText(text: string): string {
  return maskPiiInText(text.replace(PARAMS_TAIL, 'params: [removed]').replace(URL_QUERY, '$1?[query removed]'));
}

function redactError(error: Error): string {
  const isQuery = typeof (error as { query?: unknown }).query === 'string' || typeof (error.cause as { query?: unknown } | undefined)?.query === 'string';
  const digest = (error as { digest?: unknown }).digest;
  const suffix = typeof digest === 'string' ? ` [digest ${digest}]` : '';
  if (isQuery) return safeErrorSummary(error) + suffix;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .join('\n');
  return `${error.name}: ${redactLogText(error.message)}${frames ? `\n${frames}` : ''}${suffix}`;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactLogText(value);
  if (value instanceof Error) return redactError(value);
  if (value === null || typeof value !== 'object' || depth > 2) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, depth + 1)]));
}

/** console.* arguments made safe to log (see redactLogText); numbers, booleans and class instances pass. */
export function redactLogArguments(args: readonly unknown[]): unknown[] {
  return args.map((arg) => redactValue(arg, 0));
}

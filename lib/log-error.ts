// What the server log may say about a failure. Database errors from Drizzle carry every bound value of
// the failed query in their message (`params: …`), and PostgreSQL's own messages and details can quote
// values too ("Key (dedupe_key)=(…)", "invalid input syntax: …"): ID numbers, phones, names. So the log
// gets the error's kind, the SQL text with its placeholders, the PostgreSQL code and constraint — never
// a message or parameter.

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

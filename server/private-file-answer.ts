// The one way a route handler serves a private file (a citizen's attachment, the original of an item's
// photo) to signed-in staff: never cached, never sniffed, sandboxed, PDFs downloaded. The route reads the
// user and passes its own permission check in, so the check stays visible in the route.
import { getDb, type Db } from '@/db/client';
import type { AuthUser } from './auth';
import { openCitizenFile } from './private-files';

/** A short plain-text answer (401, 403, 404, 503), never cached. */
export function plainAnswer(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}

export type PrivateFileAccess<T> = {
  /** The signed-in user (`await currentUser()`); null answers 401. */
  user: AuthUser | null;
  /** The route's permission check: false answers 403. */
  allowed: (user: AuthUser) => boolean;
  /** The record by its id, or null (404). */
  find: (db: Db, id: number) => Promise<T | null>;
  /** A check of the one record (a unit handler's own unit's only): false answers 404, as if it did not exist. */
  mayOpen?: (record: T, user: AuthUser) => boolean;
  /** Where the bytes are and the name a download gets. */
  file: (record: T) => { id: number; storageKey: string; format: string; filename: string };
  /** The 404 text ('文件不存在', '照片不存在'). */
  missing: string;
};

export async function answerPrivateFile<T>(id: string, access: PrivateFileAccess<T>): Promise<Response> {
  const { user } = access;
  if (!user) return plainAnswer(401, '请先登录');
  if (!access.allowed(user)) return plainAnswer(403, '没有权限');
  if (!/^\d{1,9}$/.test(id)) return plainAnswer(404, access.missing);
  const record = await access.find(await getDb(), Number(id));
  if (!record || (access.mayOpen && !access.mayOpen(record, user))) return plainAnswer(404, access.missing);
  const file = access.file(record);
  let opened;
  try {
    opened = await openCitizenFile(file.storageKey, file.format);
  } catch (error) {
    console.error('private file unreadable', file.id, error);
    return plainAnswer(503, '文件暂时无法读取，请稍后再试');
  }
  if (!opened) return plainAnswer(404, access.missing);
  const pdf = file.format === 'pdf';
  return new Response(opened.body, {
    headers: {
      'Content-Type': pdf ? 'application/pdf' : 'image/webp',
      'Content-Length': String(opened.size),
      'Content-Disposition': `${pdf ? 'attachment' : 'inline'}; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

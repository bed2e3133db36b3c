// Serves a citizen's attachment to signed-in staff only: never cached, never sniffed, PDFs downloaded.
// The bytes come from the file store (server/storage.ts), so every instance serves every attachment.
import { getDb } from '@/db/client';
import { findPrivateFile } from '@/db/queries/private-files';
import { currentUser } from '@/server/auth';
import { can } from '@/lib/roles';
import { openCitizenFile } from '@/server/private-files';

export const dynamic = 'force-dynamic';

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return answer(401, '请先登录');
  // Not every signed-in user: a 单位经办人 (dashboard.view only) must not open citizens' attachments or other
  // units' photos; they see their own unit's photos through /admin/ledger/photos/<id>.
  if (!can(user.role, 'content.edit')) return answer(403, '没有权限');
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return answer(404, '文件不存在');
  const db = await getDb();
  const file = await findPrivateFile(db, Number(id));
  if (!file) return answer(404, '文件不存在');
  let opened;
  try {
    opened = await openCitizenFile(file.storageKey, file.format);
  } catch (error) {
    console.error('private file unreadable', file.id, error);
    return answer(503, '文件暂时无法读取，请稍后再试');
  }
  if (!opened) return answer(404, '文件不存在');
  const pdf = file.format === 'pdf';
  return new Response(opened.body, {
    headers: {
      'Content-Type': pdf ? 'application/pdf' : 'image/webp',
      'Content-Length': String(opened.size),
      'Content-Disposition': `${pdf ? 'attachment' : 'inline'}; filename="file-${file.id}.${file.format}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

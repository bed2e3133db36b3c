// Serves the private original of an item's photo to staff: never cached, never public. A unit handler gets
// only their own unit's photos (another unit's answers 404, as its item page does).
import { getDb } from '@/db/client';
import { unitMayOpen } from '@/db/queries/ledger/ledger-admin/items';
import { findIssuePhoto } from '@/db/queries/ledger/staff-extra';
import { currentUser } from '@/server/auth';
import { openCitizenFile } from '@/server/private-files';
import { can } from '@/lib/roles';

export const dynamic = 'force-dynamic';

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return answer(401, '请先登录');
  if (!can(user.role, 'ledger.view')) return answer(403, '没有权限');
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return answer(404, '照片不存在');
  const photo = await findIssuePhoto(await getDb(), Number(id));
  if (!photo || (user.role === 'unit' && !unitMayOpen(photo, user.unitId))) return answer(404, '照片不存在');
  const opened = await openCitizenFile(photo.storageKey, photo.format);
  if (!opened) return answer(404, '照片不存在');
  return new Response(opened.body, {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(opened.size),
      'Content-Disposition': `inline; filename="issue-photo-${photo.id}.webp"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

// Serves the private original of an item's photo to staff: never cached, never public. A unit handler gets
// only their own unit's photos (another unit's answers 404, as its item page does).
import { unitMayOpen } from '@/db/queries/ledger/ledger-admin/items';
import { findIssuePhoto } from '@/db/queries/ledger/staff-extra';
import { currentUser } from '@/server/auth';
import { answerPrivateFile } from '@/server/private-file-answer';
import { can } from '@/lib/roles';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerPrivateFile((await params).id, {
    user: await currentUser(),
    allowed: (user) => can(user.role, 'ledger.view'),
    find: findIssuePhoto,
    mayOpen: (photo, user) => user.role !== 'unit' || unitMayOpen(photo, user.unitId),
    file: (photo) => ({ id: photo.id, storageKey: photo.storageKey, format: photo.format, filename: `issue-photo-${photo.id}.webp` }),
    missing: '照片不存在',
  });
}

// Serves a citizen's attachment to signed-in staff only: never cached, never sniffed, PDFs downloaded.
// The bytes come from the file store (server/storage.ts), so every instance serves every attachment.
import { findPrivateFile } from '@/db/queries/private-files';
import { currentUser } from '@/server/auth';
import { answerPrivateFile } from '@/server/private-file-answer';
import { can } from '@/lib/roles';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerPrivateFile((await params).id, {
    user: await currentUser(),
    // Not every signed-in user: a 单位经办人 must not open citizens' attachments or other units' photos;
    // they see their own unit's photos through /admin/ledger/photos/<id>.
    allowed: (user) => can(user.role, 'content.edit'),
    find: findPrivateFile,
    file: (file) => ({ id: file.id, storageKey: file.storageKey, format: file.format, filename: `file-${file.id}.${file.format}` }),
    missing: '文件不存在',
  });
}

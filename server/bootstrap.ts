// The first administrator, from ADMIN_USERNAME / ADMIN_PASSWORD, when the database has none.
import { z } from 'zod';
import type { Db } from '@/db/client';
import { countAdmins, insertUser, usernameTaken } from '@/db/queries/users';
import { recordAudit } from './audit';
import { hashPassword, passwordProblem } from './passwords';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, '用户名为3-32位小写字母、数字或 _ . -，以字母或数字开头');

/** Creates an administrator; throws with a readable message when the input is refused. */
export async function createAdmin(db: Db, input: { username: string; displayName: string; password: string }, source: string) {
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) throw new Error(`Username refused: ${username.error.issues[0]?.message}`);
  const problem = passwordProblem(input.password, { username: username.data, displayName: input.displayName });
  if (problem) throw new Error(`Password refused: ${problem}`);
  if (await usernameTaken(db, username.data)) throw new Error(`The username "${username.data}" is taken`);
  const user = await insertUser(db, { username: username.data, displayName: input.displayName || username.data, role: 'admin', passwordHash: await hashPassword(input.password) });
  await recordAudit(db, null, { action: 'user.create', entityType: 'user', entityId: user.id, actorName: source, ip: null, after: { username: user.username, role: 'admin' } });
  return user;
}

/** At start: with no administrator at all, create one from the environment, or say how to. */
export async function ensureBootstrapAdmin(db: Db, env: Record<string, string | undefined> = process.env): Promise<string> {
  if ((await countAdmins(db)) > 0) return 'An administrator exists.';
  const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = env;
  if (!username || !password) {
    return 'No administrator yet: set ADMIN_USERNAME and ADMIN_PASSWORD and start again, or run `npm run admin:create`.';
  }
  const user = await createAdmin(db, { username, displayName: env.ADMIN_DISPLAY_NAME ?? '系统管理员', password }, '系统（启动时创建首个管理员）');
  return `Created the first administrator "${user.username}" from ADMIN_USERNAME.`;
}

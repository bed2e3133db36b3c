// Editors' accounts. Every change that should end existing sessions bumps session_version.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users, type UserRole } from '../schema';

/** unitId: the 责任单位 of a 单位经办人 (role 'unit'), null for every other role. */
export type AuthUser = { id: number; username: string; displayName: string; role: UserRole; unitId: number | null; disabled: boolean; sessionVersion: number };

export const authColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  disabled: users.disabled,
  sessionVersion: users.sessionVersion,
};

export async function findUserForSignIn(db: Db, username: string) {
  const [user] = await db
    .select({ ...authColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return user ?? null;
}

export async function findAuthUser(db: Db, id: number): Promise<AuthUser | null> {
  const [user] = await db.select(authColumns).from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

export async function listUsers(db: Db) {
  return db
    .select({ ...authColumns, createdAt: users.createdAt, passwordChangedAt: users.passwordChangedAt })
    .from(users)
    .orderBy(asc(users.id));
}

/**
 * Locks the rows of the enabled administrators (FOR UPDATE, in id order) and returns their ids. Called
 * first in a transaction that may demote or disable an administrator: two such changes at once run one
 * after the other, and the second sees the first's result, so together they cannot leave no admin.
 */
export async function lockActiveAdmins(db: Db): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.role} = 'admin' and not ${users.disabled}`)
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}

/** A user, its row locked for the rest of the transaction. */
export async function findAuthUserForUpdate(db: Db, id: number): Promise<AuthUser | null> {
  const [user] = await db.select(authColumns).from(users).where(eq(users.id, id)).limit(1).for('update');
  return user ?? null;
}

/** Administrators in any state: the bootstrap runs only when there has never been one. */
export async function countAdmins(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
  return row?.n ?? 0;
}

export async function insertUser(db: Db, values: { username: string; displayName: string; role: UserRole; unitId?: number | null; passwordHash: string }) {
  const [user] = await db.insert(users).values(values).returning(authColumns);
  return user!;
}

export async function updateUser(
  db: Db,
  id: number,
  changes: Partial<{ displayName: string; role: UserRole; unitId: number | null; disabled: boolean; passwordHash: string }>,
  options: { endSessions: boolean },
) {
  const [user] = await db
    .update(users)
    .set({
      ...changes,
      ...(changes.passwordHash ? { passwordChangedAt: new Date() } : {}),
      ...(options.endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .returning(authColumns);
  return user ?? null;
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return Boolean(row);
}

import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { listUnitOptions } from '@/db/queries/ledger/staff-extra';
import { listUsers } from '@/db/queries/users';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { ROLE_LABELS } from '@/lib/roles';
import { CreateUserForm, UserRowForms } from './user-forms';

export const metadata: Metadata = { title: '用户管理' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePageUser('users.manage', '/admin/users');
  const db = await getDb();
  const [users, unitRows] = await Promise.all([listUsers(db), listUnitOptions(db)]);
  const units = unitRows.map((u) => ({ value: String(u.id), label: u.name }));
  const unitNames = new Map(unitRows.map((u) => [u.id, u.name]));
  // ?unit=<id> (from a unit's page): the new account is that unit's handler.
  const raw = (await searchParams).unit;
  const unitId = typeof raw === 'string' && unitNames.has(Number(raw)) ? raw : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">用户管理</h1>
      <section aria-labelledby="new-user" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="new-user" className="mb-3 font-bold">
          新建用户
        </h2>
        <CreateUserForm units={units} unitId={unitId} />
      </section>
      <section aria-labelledby="user-list" className="space-y-3">
        <h2 id="user-list" className="font-bold">
          全部用户（{users.length}）
        </h2>
        {users.map((user) => (
          <article key={user.id} aria-label={user.username} className="rounded-lg bg-white p-4 shadow-sm">
            <header className="mb-3 flex flex-wrap items-baseline gap-x-3 border-b border-line pb-2">
              <h3 className="text-lg font-bold">{user.displayName}</h3>
              <span className="font-mono text-sm text-muted">{user.username}</span>
              <span className="rounded bg-canvas px-2 text-sm">
                {ROLE_LABELS[user.role]}
                {user.unitId ? `·${unitNames.get(user.unitId) ?? '已停用的单位'}` : ''}
              </span>
              {user.disabled && <span className="rounded bg-brand px-2 text-sm text-white">已停用</span>}
              <span className="text-xs text-muted">创建于 {formatDateTime(user.createdAt)}</span>
            </header>
            <UserRowForms user={user} isSelf={user.id === me.id} units={units} />
          </article>
        ))}
      </section>
    </div>
  );
}

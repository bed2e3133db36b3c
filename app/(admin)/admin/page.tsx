import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { DOMAIN_DATA, type AnyDashboardCounts } from '@/db/domains';
import { requirePageUser } from '@/server/auth';
import { DOMAINS, type DomainDeclaration } from '@/lib/domains';
import { can, ROLE_LABELS } from '@/lib/roles';
import { UnitDashboard } from './ledger/unit-dashboard';

export const metadata: Metadata = { title: '工作台' };
export const dynamic = 'force-dynamic';

export default async function DashboardPage() {
  const user = await requirePageUser('dashboard.view', '/admin');
  const db = await getDb();
  // A unit handler's work is their unit's items only: none of the other domains' queues.
  if (can(user.role, 'ledger.unit')) return <UnitDashboard user={user} />;
  // Each domain's cards (lib/domains) with its counts (db/domains.ts), in registry order.
  const domains = await Promise.all(
    DOMAINS.map(async (domain) => {
      const { dashboard }: DomainDeclaration = domain;
      const counts: AnyDashboardCounts = await DOMAIN_DATA[domain.key].dashboard(db);
      return { dashboard, counts };
    }),
  );
  const queues = domains.flatMap(({ dashboard, counts }) => Object.entries(dashboard.review).map(([key, card]) => ({ ...card, ...counts.review[key]! })));
  const waiting = domains.flatMap(({ dashboard, counts }) =>
    dashboard.waiting ? [{ ...dashboard.waiting, items: Object.entries(dashboard.waiting.items).map(([key, item]) => ({ ...item, n: counts.waiting[key] ?? 0, noteN: item.note ? (counts.waiting[item.note.count] ?? 0) : 0 })) }] : [],
  );
  // A count that leads to its list when the list exists.
  const count = (n: number, href: string | null, label: string, className: string) =>
    href ? (
      <Link href={href} className={`${className} underline-offset-4 hover:underline`} aria-label={`${label}：${n}，查看列表`}>
        {n}
      </Link>
    ) : (
      n
    );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">工作台</h1>
      <p className="text-muted">
        您好，{user.displayName}。您的角色是“{ROLE_LABELS[user.role]}”。
      </p>
      <section aria-labelledby="queues">
        <h2 id="queues" className="mb-3 text-lg font-bold">
          待办
        </h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {queues.map((q) => (
            <li key={q.label} className="rounded-lg bg-white p-4 shadow-sm">
              <h3 className="font-bold">{q.label}</h3>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-center">
                <div className="rounded bg-canvas p-2">
                  <dt className="text-sm text-muted">草稿/退回</dt>
                  <dd className="text-2xl font-bold">{count(q.drafts, q.filtered ? `${q.href}?status=draft` : q.href, `${q.label}草稿`, '')}</dd>
                </div>
                <div className="rounded bg-brand-soft p-2">
                  <dt className="text-sm text-muted">待审核</dt>
                  <dd className="text-2xl font-bold text-brand">{count(q.pending, q.filtered ? `${q.href}?status=pending` : q.href, `${q.label}待审核`, 'text-brand')}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      </section>
      {waiting.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id} className="mb-3 text-lg font-bold">
            {section.heading}
          </h2>
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            {section.items.map((item) => (
              <li key={item.label} className="rounded-lg bg-white p-4 shadow-sm">
                <h3 className="font-bold">{item.label}</h3>
                <p className="mt-2 text-2xl font-bold text-brand">{count(item.n, item.href, item.ariaLabel ?? item.label, 'text-brand')}</p>
                {item.note && <p className="text-sm text-muted">{item.note.text.replace('{n}', String(item.noteN))}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

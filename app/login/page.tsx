import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { authCsrfToken, currentUser } from '@/server/auth';
import { safeReturn } from '@/lib/safe-return';
import { publicOrigin } from '@/server/site-url';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录 - 管理后台', robots: { index: false, follow: false } };


/**
 * next-auth sends a plain post it refused back here with the return address made absolute
 * (`http://host/admin/news`): this site's own absolute addresses become their path again; safeReturn() then
 * judges the path as ever.
 */
function ownPath(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.startsWith('/')) return raw;
  try {
    const url = new URL(raw);
    return url.origin === publicOrigin() ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturn(ownPath(params.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);
  const info = await getSetting(await getDb(), 'siteInfo');
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  const csrfRefused = params.csrf === 'true';
  const token = await authCsrfToken();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow">
        <h1 className="text-center text-xl font-bold text-brand">{info.siteName}</h1>
        <p className="mb-6 text-center text-sm text-muted">管理后台登录</p>
        <LoginForm callbackUrl={callbackUrl} initialError={error ?? (csrfRefused ? 'csrf' : null)} csrfToken={token} />
      </div>
    </main>
  );
}

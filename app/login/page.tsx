import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { currentUser } from '@/server/auth';
import { safeReturn } from '@/lib/safe-return';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录 - 管理后台', robots: { index: false, follow: false } };


export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturn(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const info = await getSetting(await getDb(), 'siteInfo');
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow">
        <h1 className="text-center text-xl font-bold text-brand">{info.siteName}</h1>
        <p className="mb-6 text-center text-sm text-muted">管理后台登录</p>
        <LoginForm callbackUrl={callbackUrl} initialError={error ?? null} />
      </div>
    </main>
  );
}

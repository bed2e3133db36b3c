'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { inputClass } from '../_components/form-fields';

function messageFor(error: string | null, status?: number): string | null {
  if (!error && status !== 429) return null;
  const locked = /^locked:(\d+)$/.exec(error ?? '');
  if (locked || status === 429) {
    const seconds = Number(locked?.[1] ?? 900);
    const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
    return `登录失败次数过多，账号已临时锁定。请 ${wait}后再试，或联系管理员。`;
  }
  if (error === 'SignedOutEverywhere') return '已退出所有设备，请重新登录。';
  if (error === 'SessionRequired') return '请先登录。';
  // A plain form post without the sign-in check's cookie from a browser that does not say where it posts from
  // (Sec-Fetch-Site, Origin): next-auth refused it and set the cookie.
  if (error === 'csrf') return '登录页面已更新，请重新输入密码后再点“登录”。';
  return '用户名或密码错误，请重新输入。';
}

/**
 * With JavaScript, signIn() posts the form and shows errors in place. Without it (or when a click comes before the
 * script has loaded) the form itself posts to next-auth's credentials endpoint, never as a GET: the password must
 * never end up in an address. next-auth then sends the visitor to `callbackUrl`, or back here with `?error=`.
 * `csrfToken`: next-auth's double-submit token from its cookie, read by the page (null before any sign-in request
 * set the cookie: next-auth's route then mints one for a post that this site's page provably sent).
 */
export function LoginForm({ callbackUrl, initialError, csrfToken }: { callbackUrl: string; initialError: string | null; csrfToken: string | null }) {
  const [error, setError] = useState<string | null>(messageFor(initialError));
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        redirect: false,
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(messageFor(result?.error ?? 'CredentialsSignin', result?.status));
    } catch {
      setError('网络异常，请稍后重试。');
    }
    setPending(false);
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={submit} className="space-y-4" noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken ?? ''} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          用户名
        </label>
        <input id="username" name="username" autoComplete="username" required className={inputClass} aria-describedby={error ? 'login-error' : undefined} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          密码
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} aria-describedby={error ? 'login-error' : undefined} />
      </div>
      {error && (
        <p id="login-error" role="alert" className="rounded border border-brand bg-brand-soft px-3 py-2 text-sm text-brand">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded bg-brand py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? '登录中…' : '登录'}
      </button>
    </form>
  );
}

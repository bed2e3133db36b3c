'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/login' })} className="rounded px-3 py-1.5 text-sm hover:bg-black/20">
      退出登录
    </button>
  );
}

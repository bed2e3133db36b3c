import { authCsrfToken } from '@/server/auth';

/**
 * 退出登录 as a plain form post to next-auth's sign-out endpoint: it works before the page's script has loaded
 * and without JavaScript, and needs none. next-auth ends the session (events.signOut revokes it and writes the
 * audit entry) and sends the browser to the sign-in page. The CSRF token comes from next-auth's cookie; a
 * browser that no longer has the cookie posts an empty one, which the route accepts from this site's own page.
 */
export async function SignOutForm() {
  const token = await authCsrfToken();
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={token ?? ''} />
      <input type="hidden" name="callbackUrl" value="/login" />
      <button type="submit" className="rounded px-3 py-1.5 text-sm hover:bg-black/20">
        退出登录
      </button>
    </form>
  );
}

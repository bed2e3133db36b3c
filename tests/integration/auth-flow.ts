// Drives next-auth's own core (sign-in, session, sign-out with CSRF) the way its route handler does,
// with a cookie jar per simulated browser. next-auth's route handler reads next/headers through a
// CommonJS require that Vitest cannot mock, so the core it wraps is called directly instead.
import { createRequire } from 'node:module';
import path from 'node:path';
import { getAuthOptions } from '@/server/auth-options';

type AuthResponse = { status?: number; body?: unknown; redirect?: string; cookies?: { name: string; value: string; options?: { maxAge?: number } }[] };
type AuthRequest = { action: string; method: 'GET' | 'POST'; providerId?: string; body?: Record<string, string>; query?: Record<string, string>; cookies: Record<string, string>; headers: Record<string, string> };

const requireFromRoot = createRequire(path.resolve(import.meta.dirname, '../../package.json'));
// Not in next-auth's package exports: loaded by path (it is the module next-auth/next itself calls).
const { AuthHandler } = requireFromRoot(path.resolve(import.meta.dirname, '../../node_modules/next-auth/core/index.js')) as {
  AuthHandler: (params: { options: unknown; req: AuthRequest }) => Promise<AuthResponse>;
};

export const SITE = 'http://portal.test';
process.env.NEXTAUTH_URL = SITE;
export const SESSION_COOKIE = 'next-auth.session-token';

export class AuthBrowser {
  jar: Record<string, string> = {};
  constructor(readonly ip = '198.51.100.20') {}

  async call(action: string, method: 'GET' | 'POST', body?: Record<string, string>, providerId?: string): Promise<AuthResponse> {
    const options = await getAuthOptions();
    const response = await AuthHandler({
      options: action === 'session' ? { ...options, providers: [] } : options,
      req: { action, method, providerId, body, query: {}, cookies: { ...this.jar }, headers: { host: 'portal.test', 'x-forwarded-for': this.ip } },
    });
    for (const cookie of response.cookies ?? []) {
      if (cookie.value === '' || cookie.options?.maxAge === 0) delete this.jar[cookie.name];
      else this.jar[cookie.name] = cookie.value;
    }
    return response;
  }

  private async csrf(): Promise<string> {
    return ((await this.call('csrf', 'GET')).body as { csrfToken: string }).csrfToken;
  }

  /** POST /api/auth/callback/credentials; the answer's redirect carries ?error=… when refused. */
  async signIn(username: string, password: string): Promise<AuthResponse> {
    return this.call('callback', 'POST', { csrfToken: await this.csrf(), username, password, json: 'true' }, 'credentials');
  }

  /** POST /api/auth/signout with the CSRF token, as the sign-out button does. */
  async signOut(): Promise<AuthResponse> {
    return this.call('signout', 'POST', { csrfToken: await this.csrf(), json: 'true' });
  }

  get session(): string | undefined {
    return this.jar[SESSION_COOKIE];
  }
}

/** getServerSession as next-auth runs it in a server component: the core's session route, for these cookies. */
export async function serverSession(options: unknown, cookies: Record<string, string>): Promise<unknown> {
  const response = await AuthHandler({
    options: { ...(options as object), providers: [] },
    req: { action: 'session', method: 'GET', cookies, headers: { host: 'portal.test' } },
  });
  const body = response.body;
  return body && typeof body === 'object' && Object.keys(body).length > 0 && (response.status ?? 200) === 200 ? body : null;
}

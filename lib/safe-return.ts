// Where to go after signing in: only paths of this site.

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
export function safeReturn(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  // Browsers drop tabs and newlines and read a backslash as a slash, so '/<tab>/evil.example' would leave the site.
  if (!path || !path.startsWith('/') || /[\p{Cc}\\]/u.test(path)) return '/admin';
  const base = 'http://portal.invalid';
  const url = new URL(path, base);
  if (url.origin !== base) return '/admin';
  // '/.//evil.example' resolves to the path '//evil.example', which a browser reads as another host.
  return url.pathname.startsWith('//') ? '/admin' : url.pathname + url.search + url.hash;
}

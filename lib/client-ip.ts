// The client's address for rate limits and the audit log.
// Next.js sets X-Forwarded-For from the socket only when the request has none, so a client talking to
// Next directly can send its own. Behind the shipped nginx config the proxy overwrites the header with
// the real peer address; the rightmost entry is the one the nearest trusted hop saw.
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
  const ip = last ?? headers.get('x-real-ip') ?? null;
  return ip ? ip.replace(/^::ffff:/, '').slice(0, 64) : null;
}

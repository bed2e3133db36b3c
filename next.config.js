/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'sharp', 'exceljs'],
  poweredByHeader: false,
  // proxy.ts converts pages to Traditional Chinese; it must see the router's own RSC requests (headers and
  // _rsc query) to convert client-side navigation too, instead of Next's normalised view of them.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
  // npm test type-checks the whole tree (tsc --noEmit) before building: no second pass inside next build.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Turbopack keeps a build cache in .next for faster rebuilds; npm test builds a clean clone once, where
    // writing that cache only costs time (about 25 s), so scripts/test.sh turns it off.
    ...(process.env.CIVIC_BUILD_CACHE === 'off' ? { turbopackFileSystemCacheForBuild: false } : {}),
    // forbidden() and app/(admin)/admin/forbidden.tsx: a real 403 for signed-in users without the role.
    authInterrupts: true,
    // app/global-not-found.tsx: addresses that match no page get the site's shell without it riding along, as
    // a root not-found.tsx would, in every page's RSC payload.
    globalNotFound: true,
    // Image uploads, citizens' attachments (5 x 5 MB) and list imports go through server actions.
    serverActions: { bodySizeLimit: '32mb' },
    proxyClientMaxBodySize: '32mb',
  },
  async headers() {
    // On every response, files included; pages also get a per-request CSP with a nonce from proxy.ts.
    const security = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ];
    // Files (no proxy) get a CSP of their own: an uploaded or static file can never run script.
    const fileCsp = [{ key: 'Content-Security-Policy', value: "default-src 'none'; img-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; sandbox" }];
    // 随手拍 may ask for the phone's position (optional, app/(public)/snap/location-field.tsx); nothing else may.
    const snapLocation = [{ key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(self), payment=(), usb=(), browsing-topics=()' }];
    const personal = [{ key: 'Cache-Control', value: 'private, no-store' }, { key: 'X-Robots-Tag', value: 'noindex, nofollow' }];
    return [
      { source: '/:path*', headers: security },
      // After the site-wide entry: the later entry's value of the same header wins.
      { source: '/snap', headers: snapLocation },
      { source: '/:file((?:.*/)?[^/]+\\.[a-zA-Z0-9]+)', headers: fileCsp },
      { source: '/admin/:path*', headers: personal },
      { source: '/admin', headers: personal },
      { source: '/login', headers: personal },
    ];
  },
};

export default nextConfig;

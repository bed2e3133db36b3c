/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'sharp', 'exceljs'],
  poweredByHeader: false,
  // proxy.ts converts pages to Traditional Chinese; it must see the router's own RSC requests (headers and
  // _rsc query) to convert client-side navigation too, instead of Next's normalised view of them.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
  experimental: {
    // forbidden() and app/forbidden.tsx: a real 403 for signed-in users without the role.
    authInterrupts: true,
    // Image uploads, citizens' attachments (5 x 5 MB) and list imports go through server actions.
    serverActions: { bodySizeLimit: '32mb' },
    proxyClientMaxBodySize: '32mb',
  },
  async headers() {
    const personal = [{ key: 'Cache-Control', value: 'private, no-store' }, { key: 'X-Robots-Tag', value: 'noindex, nofollow' }];
    return [
      { source: '/admin/:path*', headers: personal },
      { source: '/admin', headers: personal },
      { source: '/login', headers: personal },
    ];
  },
};

export default nextConfig;

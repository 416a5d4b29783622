import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      // Next.js injects inline bootstrap scripts; dev mode additionally needs eval for HMR.
      `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https://avatars.githubusercontent.com",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; '),
  },
];

// `npm run bench` builds its own copy (in .next-bench) with one extra page, app/bench-floor/
// page.bench.tsx: a trivial server-rendered page, the floor every page's time is measured against.
// Production builds never see that file.
const benchBuild = process.env.ENVBOARD_BENCH_BUILD === '1';

const nextConfig: NextConfig = {
  // PGlite loads its wasm and data files from disk; bundling it breaks those paths.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@neondatabase/serverless', 'ws'],
  poweredByHeader: false,
  // Vercel's edge compresses every response; gzipping again inside the function costs CPU on each
  // page render (a third of a list page's server time). Self-hosted, put a compressing proxy in front.
  compress: false,
  distDir: benchBuild ? '.next-bench' : '.next',
  pageExtensions: benchBuild ? ['tsx', 'ts', 'bench.tsx'] : ['tsx', 'ts'],
  typedRoutes: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;

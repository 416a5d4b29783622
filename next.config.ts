import type { NextConfig } from 'next';

// The Content-Security-Policy is set per request by proxy.ts: it carries a nonce made for each one.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
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
  // The runbook pages read docs/runbooks at request time; a Vercel function only has the files its
  // build traced, so name them (keys are globs over route paths):
  // https://nextjs.org/docs/app/api-reference/config/next-config-js/output#caveats
  outputFileTracingIncludes: { '/runbooks/**': ['./docs/runbooks/*.md'] },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;

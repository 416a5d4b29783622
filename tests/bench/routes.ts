export type RouteKind = 'list' | 'page' | 'chart' | 'api' | 'metrics';

export interface BenchRoute {
  path: string;
  /** `list` pages are held to P3's first-load budget and must ship no chart code. */
  kind: RouteKind;
}

/** Every board page, chart page, read API and metrics route, as the signed-in admin opens them. */
export function benchRoutes(testRunId: number): BenchRoute[] {
  return [
    { path: '/', kind: 'list' },
    { path: '/environments', kind: 'list' },
    { path: '/previews', kind: 'list' },
    { path: '/deployments', kind: 'list' },
    { path: '/tests/flaky', kind: 'list' },
    { path: '/audit', kind: 'list' },
    { path: '/environments/production', kind: 'page' },
    { path: `/tests/runs/${testRunId}`, kind: 'page' },
    { path: '/costs', kind: 'chart' },
    { path: '/costs?range=12m', kind: 'chart' },
    { path: '/uptime', kind: 'chart' },
    { path: '/uptime?range=90d', kind: 'chart' },
    { path: '/tests', kind: 'chart' },
    { path: '/ci', kind: 'chart' },
    { path: '/ci?range=12m', kind: 'chart' },
    { path: '/dora', kind: 'chart' },
    { path: '/api/v1/environments', kind: 'api' },
    { path: '/api/v1/previews', kind: 'api' },
    { path: '/api/v1/deployments', kind: 'api' },
    { path: '/api/v1/test-runs', kind: 'api' },
    ...(['costs', 'uptime', 'ci', 'tests', 'dora'] as const).flatMap((metric) =>
      (['30d', '12m'] as const).map((range) => ({
        path: `/api/v1/metrics/${metric}?range=${range}`,
        kind: 'metrics' as const,
      })),
    ),
  ];
}

import type { Database } from '@/db/client';
import { getCiMetrics } from '@/db/queries/ci-series';
import { getCostOverview, listCostMonths } from '@/db/queries/costs';
import { listDeployments } from '@/db/queries/deployments';
import { getEnvironmentPage, listEnvironments } from '@/db/queries/environments';
import {
  listDeploymentAuthors,
  listEnvironmentOptions,
  listProjectMembers,
} from '@/db/queries/filter-options';
import { listOperations } from '@/db/queries/audit';
import { getReleaseComparison } from '@/db/queries/overview';
import { countPreviewTabs, listPreviewAuthors, listPreviews } from '@/db/queries/previews';
import { getCurrentProject } from '@/db/queries/project';
import {
  listFailingTests,
  listFlakyTests,
  listSuiteSummaries,
  listTestRuns,
} from '@/db/queries/tests';
import { getTestMetrics } from '@/db/queries/test-series';
import { getUptimeByEnvironment, listIncidents } from '@/db/queries/uptime';
import type { Project } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import {
  deploymentOffers,
  environmentBlocked,
  pendingApprovals,
  previewOffers,
  rollbackChoices,
} from '@/lib/operations/board';
import { auditQuerySchema } from '@/lib/filters/audit';
import { deploymentsQuerySchema } from '@/lib/filters/deployments';
import { environmentDetailQuerySchema, environmentsQuerySchema } from '@/lib/filters/environments';
import { previewsQuerySchema } from '@/lib/filters/previews';
import { testRunsQuerySchema } from '@/lib/filters/test-runs';

export interface BenchRoute {
  path: string;
  /** A list page: held to the first-load JS budget. */
  listPage: boolean;
  api: boolean;
  /** The queries the route runs, called the way the route calls them. */
  sql: (db: Database, project: Project) => Promise<unknown>;
}

const now = () => new Date();

/**
 * Each page's SQL is every query its render runs for the bench's signed-in admin: the session's
 * member lookup (loadActor), the page's data, and the operation offers an admin is shown.
 */
export function benchRoutes(testRunId: number, githubId: number): BenchRoute[] {
  const signedIn = (db: Database) => loadActor(db, githubId);
  return [
    {
      path: '/',
      listPage: false,
      api: false,
      sql: (db, project) =>
        Promise.all([
          signedIn(db).then((actor) => pendingApprovals(db, project.id, actor!.userId)),
          getReleaseComparison(db, project.id),
          listPreviews(db, project.id, { tab: 'open' }, { limit: 100 }),
          listFailingTests(db, project.id, { limit: 5 }),
          listFlakyTests(db, project.id, { now: now(), days: 14, limit: 5 }),
          getCostOverview(db, project.id, { now: now(), budgetUsd: project.monthlyBudgetUsd }),
          getUptimeByEnvironment(db, project.id, { now: now() }),
        ]),
    },
    {
      path: '/environments',
      listPage: true,
      api: false,
      sql: async (db, project) => {
        const { cursor, limit, ...filters } = environmentsQuerySchema.parse({});
        await signedIn(db);
        return listEnvironments(db, project.id, filters, { cursor, limit });
      },
    },
    {
      path: '/environments/production',
      listPage: false,
      api: false,
      sql: async (db, project) => {
        await signedIn(db);
        const page = environmentDetailQuerySchema.parse({});
        const data = await getEnvironmentPage(db, project.id, 'production', { now: now(), page });
        return Promise.all([
          deploymentOffers(db, project, data!.history.rows, now()),
          rollbackChoices(db, project, 'production'),
          environmentBlocked(db, data!.environment.id),
        ]);
      },
    },
    {
      path: '/previews',
      listPage: true,
      api: false,
      sql: async (db, project) => {
        const { cursor, limit, ...filters } = previewsQuerySchema.parse({});
        await signedIn(db);
        const [page] = await Promise.all([
          listPreviews(db, project.id, filters, { cursor, limit }),
          countPreviewTabs(db, project.id),
          listPreviewAuthors(db, project.id, filters.tab),
        ]);
        return previewOffers(
          db,
          page.rows.flatMap(({ environment }) =>
            environment?.status === 'active' ? [environment.id] : [],
          ),
        );
      },
    },
    {
      path: '/deployments',
      listPage: true,
      api: false,
      sql: async (db, project) => {
        const { cursor, limit, ...filters } = deploymentsQuerySchema.parse({});
        await signedIn(db);
        const [page] = await Promise.all([
          listDeployments(db, project.id, filters, { cursor, limit }),
          listEnvironmentOptions(db, project.id),
          listDeploymentAuthors(db, project.id),
        ]);
        return deploymentOffers(db, project, page.rows, now());
      },
    },
    {
      path: '/tests',
      listPage: true,
      api: false,
      sql: async (db, project) => {
        const { cursor, limit, ...filters } = testRunsQuerySchema.parse({});
        await signedIn(db);
        return Promise.all([
          listSuiteSummaries(db, project, { now: now(), days: 30 }),
          getTestMetrics(db, project.id, { range: '30d', now: now() }),
          listFailingTests(db, project.id, { limit: 20 }),
          listTestRuns(db, project.id, filters, { cursor, limit }),
        ]);
      },
    },
    {
      path: `/tests/runs/${testRunId}`,
      listPage: false,
      api: false,
      sql: async (db) => {
        const { getTestRun } = await import('@/db/queries/tests');
        return Promise.all([signedIn(db), getTestRun(db, testRunId)]);
      },
    },
    {
      path: '/ci',
      listPage: false,
      api: false,
      sql: async (db, project) => {
        await signedIn(db);
        return getCiMetrics(db, project.id, { range: '30d', now: now() });
      },
    },
    {
      path: '/tests/flaky',
      listPage: true,
      api: false,
      sql: async (db, project) => {
        await signedIn(db);
        return listFlakyTests(db, project.id, { now: now(), days: 30, limit: 50 });
      },
    },
    {
      path: '/costs',
      listPage: true,
      api: false,
      sql: async (db, project) => {
        await signedIn(db);
        return Promise.all([
          getCostOverview(db, project.id, { now: now(), budgetUsd: project.monthlyBudgetUsd }),
          listCostMonths(db, project.id, { now: now() }),
        ]);
      },
    },
    {
      path: '/uptime',
      listPage: true,
      api: false,
      sql: async (db, project) => {
        await signedIn(db);
        return Promise.all([
          getUptimeByEnvironment(db, project.id, { now: now() }),
          listIncidents(db, project.id, { now: now(), days: 30 }),
        ]);
      },
    },
    {
      path: '/audit',
      listPage: true,
      api: false,
      sql: async (db, project) => {
        const { cursor, limit, ...filters } = auditQuerySchema.parse({});
        await signedIn(db);
        return Promise.all([
          listOperations(db, project.id, filters, { cursor, limit }),
          listProjectMembers(db, project.id),
          listEnvironmentOptions(db, project.id),
        ]);
      },
    },
    ...apiRoutes(),
  ];
}

function apiRoutes(): BenchRoute[] {
  const api = (path: string, sql: BenchRoute['sql']): BenchRoute => ({
    path,
    listPage: false,
    api: true,
    sql: async (db, project) => {
      await getCurrentProject(db);
      return sql(db, project);
    },
  });
  return [
    api('/api/v1/environments', (db, project) => {
      const { cursor, limit, ...filters } = environmentsQuerySchema.parse({});
      return listEnvironments(db, project.id, filters, { cursor, limit });
    }),
    api('/api/v1/previews', (db, project) => {
      const { cursor, limit, ...filters } = previewsQuerySchema.parse({});
      return listPreviews(db, project.id, filters, { cursor, limit });
    }),
    api('/api/v1/deployments', (db, project) => {
      const { cursor, limit, ...filters } = deploymentsQuerySchema.parse({});
      return listDeployments(db, project.id, filters, { cursor, limit });
    }),
    api('/api/v1/test-runs', (db, project) => {
      const { cursor, limit, ...filters } = testRunsQuerySchema.parse({});
      return listTestRuns(db, project.id, filters, { cursor, limit });
    }),
    api('/api/v1/metrics/ci', (db, project) =>
      getCiMetrics(db, project.id, { range: '30d', now: now() }),
    ),
    api('/api/v1/metrics/tests', (db, project) =>
      getTestMetrics(db, project.id, { range: '30d', now: now() }),
    ),
  ];
}

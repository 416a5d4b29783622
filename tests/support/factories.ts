import type { Database } from '../../db/client';
import {
  type Environment,
  type NewCostSample,
  type NewDeployment,
  type NewEnvironment,
  type NewProject,
  type NewPullRequest,
  type NewUptimeCheck,
  type Operation,
  operations,
  type Project,
  type PullRequest,
  type User,
} from '../../db/schema';
import {
  recordTestRun,
  recordUptimeChecks,
  type TestCaseInput,
  type TestRunInput,
  upsertCostSamples,
  upsertDeployments,
  upsertEnvironment,
  upsertProject,
  upsertPullRequest,
  upsertUser,
} from '../../db/writes';

/**
 * Small fixture builders. Each writes through the same db/writes functions live data uses, with
 * defaults that make a valid row; a test sets only what its assertion is about.
 */
let sequence = 0;
const next = () => ++sequence;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A fixed test clock: `minutes` after 2026-03-01 00:00 UTC. */
export const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1) + minutes * MINUTE);
export const DAY = 24 * HOUR;

export async function createProject(
  db: Database,
  overrides: Partial<NewProject> = {},
): Promise<Project> {
  const n = next();
  return upsertProject(db, {
    slug: `project-${n}`,
    name: `Project ${n}`,
    githubOwner: 'acme',
    githubRepo: `app-${n}`,
    ...overrides,
  });
}

/** A user with a GitHub numeric id of their own (ids in GitHub's range, unique per test run). */
export async function createUser(
  db: Database,
  overrides: Partial<Omit<User, 'githubId'>> & { githubId?: number } = {},
): Promise<User> {
  const n = next();
  return upsertUser(db, {
    githubId: 40_000_000 + n,
    githubLogin: `user-${n}`,
    name: `User ${n}`,
    ...overrides,
  });
}

export async function createEnvironment(
  db: Database,
  project: Pick<Project, 'id'>,
  overrides: Partial<NewEnvironment> = {},
): Promise<Environment> {
  const n = next();
  const kind = overrides.kind ?? 'preview';
  return upsertEnvironment(db, {
    projectId: project.id,
    kind,
    slug: overrides.slug ?? `${kind}-${n}`,
    name: overrides.name ?? `${kind} ${n}`,
    gitBranch: kind === 'production' ? 'main' : `branch-${n}`,
    url: `https://${kind}-${n}.example.app`,
    ...overrides,
  });
}

export async function createPullRequest(
  db: Database,
  project: Pick<Project, 'id'>,
  overrides: Partial<NewPullRequest> = {},
): Promise<PullRequest> {
  const n = next();
  const openedAt = overrides.openedAt ?? new Date('2026-01-01T00:00:00Z');
  const row = await upsertPullRequest(db, {
    projectId: project.id,
    number: n,
    title: `Change ${n}`,
    author: 'alice',
    headBranch: `feature-${n}`,
    baseBranch: 'main',
    headSha: sha(n),
    state: 'open',
    openedAt,
    providerUpdatedAt: openedAt,
    ...overrides,
  });
  return row!;
}

export function sha(n: number): string {
  return n.toString(16).padStart(40, 'a');
}

export type DeploymentOverrides = Partial<NewDeployment>;

/** Deployments of one environment; each entry overrides the defaults of one row. */
export async function createDeployments(
  db: Database,
  environment: Pick<Environment, 'id' | 'projectId' | 'kind' | 'gitBranch'>,
  rows: readonly DeploymentOverrides[],
) {
  return upsertDeployments(
    db,
    rows.map((overrides) => {
      const n = next();
      const createdAt = overrides.providerCreatedAt ?? new Date(Date.UTC(2026, 0, 1) + n * MINUTE);
      return {
        projectId: environment.projectId,
        environmentId: environment.id,
        vercelId: `dpl_${n}`,
        url: `app-${n}.vercel.app`,
        target: environment.kind,
        state: 'ready' as const,
        source: 'git' as const,
        gitBranch: environment.gitBranch,
        commitSha: sha(n),
        commitMessage: `Commit ${n}`,
        commitAuthor: 'alice',
        providerCreatedAt: createdAt,
        buildDurationMs: 60_000,
        providerUpdatedAt: createdAt,
        ...overrides,
      };
    }),
  );
}

/** Cases named `test-<i>` in `file.test.ts`, passed unless `statuses` says otherwise. */
export function makeCases(
  count: number,
  statuses: Record<number, TestCaseInput['status']> = {},
  names: (index: number) => string = (index) => `test-${index}`,
): TestCaseInput[] {
  return Array.from({ length: count }, (_, index) => {
    const status = statuses[index] ?? 'passed';
    return {
      file: 'file.test.ts',
      name: names(index),
      status,
      durationMs: 10 + index,
      retries: status === 'flaky' ? 1 : 0,
      failureMessage:
        status === 'failed' || status === 'flaky' ? `expected ${index} to be fine` : null,
    };
  });
}

export async function createTestRun(
  db: Database,
  project: Pick<Project, 'id'>,
  overrides: Partial<TestRunInput>,
  cases: readonly TestCaseInput[],
) {
  const n = next();
  const run = await recordTestRun(
    db,
    {
      projectId: project.id,
      externalId: `report-${n}`,
      suite: 'unit',
      commitSha: sha(n),
      branch: 'main',
      startedAt: new Date(Date.UTC(2026, 0, 1) + n * MINUTE),
      durationMs: 30_000,
      ...overrides,
    },
    cases,
  );
  return run!;
}

/**
 * Checks every `everyMs` from `from`, `count` of them; `failing` holds the indexes that fail.
 */
export async function createUptimeChecks(
  db: Database,
  environment: Pick<Environment, 'id'>,
  {
    from,
    count,
    everyMs = 5 * MINUTE,
    failing = [],
    latencyMs = (index: number) => 100 + (index % 10),
  }: {
    from: Date;
    count: number;
    everyMs?: number;
    failing?: readonly number[];
    latencyMs?: (index: number) => number;
  },
): Promise<void> {
  const failed = new Set(failing);
  const rows: NewUptimeCheck[] = Array.from({ length: count }, (_, index) => {
    const ok = !failed.has(index);
    return {
      environmentId: environment.id,
      checkedAt: new Date(from.getTime() + index * everyMs),
      ok,
      statusCode: ok ? 200 : 503,
      latencyMs: ok ? latencyMs(index) : null,
      error: ok ? null : `HTTP 503 at check ${index}`,
    };
  });
  await recordUptimeChecks(db, rows);
}

export async function createCostSamples(
  db: Database,
  project: Pick<Project, 'id'>,
  rows: readonly (Pick<NewCostSample, 'day' | 'amountUsd'> & Partial<NewCostSample>)[],
): Promise<void> {
  await upsertCostSamples(
    db,
    rows.map((row) => ({
      projectId: project.id,
      provider: 'vercel' as const,
      metric: 'usage',
      quantity: 1,
      unit: 'unit',
      source: 'test',
      ...row,
    })),
  );
}

/**
 * Operations have no write function yet (the operations engine arrives with issue 4); until then
 * this inserts the audit row directly, in the shape the engine will write.
 */
export async function createOperation(
  db: Database,
  project: Pick<Project, 'id'>,
  overrides: Partial<typeof operations.$inferInsert> = {},
): Promise<Operation> {
  const n = next();
  const [row] = await db
    .insert(operations)
    .values({
      projectId: project.id,
      kind: 'promote',
      state: 'succeeded',
      idempotencyKey: `op-${n}`,
      requestedAt: new Date(Date.UTC(2026, 0, 1) + n * MINUTE),
      ...overrides,
    })
    .returning();
  return row!;
}

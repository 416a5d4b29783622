import type { CostProvider } from '@/lib/domain/costs';
import type { DeploymentSource, DeploymentState, DeploymentTarget } from '@/lib/domain/deployments';
import type { EnvironmentKind } from '@/lib/domain/environments';
import type { CiConclusion } from '@/lib/domain/overview';
import type { TestCaseStatus } from '@/lib/domain/test-results';
import type { TestSuite } from '@/lib/domain/test-runs';
import type { TeamMember } from './team';
import type { Incident } from './timeline';

/*
 * The demo as plain data, the way the providers and envboard would hold it. Records name each
 * other by the providers' own identities (pull-request number, environment slug, Vercel
 * deployment id, Neon branch id, GitHub run id) — the same keys live ingest resolves — since
 * database ids only exist once the seed writes them.
 */

export interface DemoProject {
  slug: string;
  name: string;
  githubOwner: string;
  githubRepo: string;
  productionBranch: string;
  vercelProjectId: string;
  vercelTeamId: string;
  neonProjectId: string;
  monthlyBudgetUsd: number;
  requireApproval: boolean;
  requiredChecks: string[];
  previewTtlDays: number;
  uptimeSloPct: number;
}

export interface PullRequestRow {
  number: number;
  title: string;
  author: string;
  headBranch: string;
  baseBranch: string;
  headSha: string;
  state: 'open' | 'closed' | 'merged';
  draft: boolean;
  htmlUrl: string;
  openedAt: Date;
  closedAt?: Date;
  mergedAt?: Date;
  providerUpdatedAt: Date;
}

export interface DbBranchRow {
  neonBranchId: string;
  name: string;
  parentNeonBranchId?: string;
  isDefault?: boolean;
  protected?: boolean;
  state: 'ready' | 'deleted';
  logicalSizeBytes: number;
  /** Filled in last, from the compute the cost history bills to the branch's environment. */
  computeSeconds?: number;
  migrationsValidatedAt?: Date;
  lastResetAt?: Date;
  expiresAt?: Date;
  providerCreatedAt: Date;
  providerUpdatedAt: Date;
  deletedAt?: Date;
}

export interface EnvironmentRow {
  kind: EnvironmentKind;
  slug: string;
  name: string;
  gitBranch: string;
  url: string;
  healthUrl: string;
  pullRequestNumber?: number;
  neonBranchId?: string;
  /** The Vercel deployment the environment serves now, if it ever served one. */
  currentVercelId?: string;
  status: 'active' | 'deleted';
  pinned?: boolean;
  expiresAt?: Date;
  lastActivityAt: Date;
  deletedAt?: Date;
  createdAt: Date;
}

export interface DeploymentRow {
  vercelId: string;
  url: string;
  environmentSlug: string;
  pullRequestNumber?: number;
  target: DeploymentTarget;
  state: DeploymentState;
  source: DeploymentSource;
  /** For a promote or rollback: the deployment whose build it serves. */
  sourceVercelId?: string;
  gitBranch: string;
  commitSha: string;
  commitMessage: string;
  commitAuthor: string;
  errorMessage?: string;
  providerCreatedAt: Date;
  buildStartedAt?: Date;
  readyAt?: Date;
  buildDurationMs?: number;
  providerUpdatedAt: Date;
}

export interface CiRunRow {
  githubRunId: number;
  pullRequestNumber?: number;
  workflowName: string;
  event: string;
  headBranch: string;
  headSha: string;
  status: 'completed';
  conclusion: CiConclusion;
  runAttempt: number;
  htmlUrl: string;
  providerCreatedAt: Date;
  startedAt: Date;
  completedAt: Date;
  queueMs: number;
  durationMs: number;
  reportsReadAt: Date;
  providerUpdatedAt: Date;
}

export interface TestCaseRow {
  file: string;
  name: string;
  status: TestCaseStatus;
  durationMs: number;
  retries?: number;
  failureMessage?: string;
}

/** One suite's report from one CI run, as CI uploads it. */
export interface TestRunRow {
  run: {
    githubRunId: number;
    externalId: string;
    suite: TestSuite;
    commitSha: string;
    branch: string;
    pullRequestNumber?: number;
    environmentSlug?: string;
    vercelId?: string;
    startedAt: Date;
    durationMs: number;
    coveragePct?: number;
  };
  cases: TestCaseRow[];
}

export interface CostSampleRow {
  /** `YYYY-MM-DD`, in UTC. */
  day: string;
  provider: CostProvider;
  metric: string;
  environmentSlug?: string;
  pullRequestNumber?: number;
  quantity: number;
  unit: string;
  amountUsd: number;
  source: string;
}

export interface UptimeCheckRow {
  environmentSlug: string;
  checkedAt: Date;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
}

interface PastOperation {
  environmentSlug: string;
  /** The GitHub login of the member who asked for it. */
  actor: string;
  reason: string;
  requestedAt: Date;
  startedAt: Date;
  finishedAt: Date;
}

/** A promotion to production: the staging build it promoted, and who approved it. */
export interface PromoteOperationRow extends PastOperation {
  kind: 'promote';
  approval: { approver: string; reason: string; at: Date };
  promotion: { sourceVercelId: string; previousVercelId?: string; servedVercelId: string };
}

/** An instant rollback of production to the deployment it served before the bad promote. */
export interface RollbackOperationRow extends PastOperation {
  kind: 'rollback';
  rollback: { fromVercelId: string; targetVercelId: string; servedVercelId: string };
}

/** A preview deleted with its deployments and database branch. */
export interface DeleteOperationRow extends PastOperation {
  kind: 'delete';
  deletion: { vercelIds: string[]; gitBranch: string; dbBranch?: string; neonBranchId?: string };
}

/** An operation of the history, as the audit log records it once it has run (all succeeded). */
export type OperationRow = PromoteOperationRow | RollbackOperationRow | DeleteOperationRow;

export interface DemoHistory {
  now: Date;
  project: DemoProject;
  team: TeamMember[];
  pullRequests: PullRequestRow[];
  dbBranches: DbBranchRow[];
  environments: EnvironmentRow[];
  deployments: DeploymentRow[];
  ciRuns: CiRunRow[];
  testRuns: TestRunRow[];
  costSamples: CostSampleRow[];
  uptimeChecks: UptimeCheckRow[];
  operations: OperationRow[];
  /** The windows in which an environment's health check fails, as the uptime sandbox serves them. */
  incidents: Incident[];
}

import type {
  NewCiRun,
  NewCostSample,
  NewDbBranch,
  NewDeployment,
  NewEnvironment,
  NewProject,
  NewPullRequest,
  NewUptimeCheck,
} from '../schema';
import type { TestCaseInput, TestRunInput } from '../writes';
import type { TeamMember } from './team';

/*
 * Rows as the generators plan them. Database ids only exist once rows are written, so rows name
 * each other by the providers' own identities (pull-request number, environment slug, Vercel
 * deployment id, Neon branch id, GitHub run id) — the same keys live ingest resolves.
 */

export type PullRequestRow = Omit<NewPullRequest, 'projectId'>;
export type DbBranchRow = Omit<NewDbBranch, 'projectId'>;

export type EnvironmentRow = Omit<
  NewEnvironment,
  'projectId' | 'pullRequestId' | 'dbBranchId' | 'currentDeploymentId'
> & { pullRequestNumber?: number; neonBranchId?: string; currentVercelId?: string };

export type DeploymentRow = Omit<
  NewDeployment,
  'projectId' | 'environmentId' | 'pullRequestId' | 'sourceDeploymentId'
> & {
  vercelId: string;
  environmentSlug: string;
  pullRequestNumber?: number;
  sourceVercelId?: string;
};

export type CiRunRow = Omit<NewCiRun, 'projectId' | 'pullRequestId'> & {
  pullRequestNumber?: number;
};

export interface TestRunRow {
  run: Omit<
    TestRunInput,
    'projectId' | 'ciRunId' | 'environmentId' | 'deploymentId' | 'pullRequestId'
  > & {
    githubRunId: number;
    environmentSlug?: string;
    vercelId?: string;
    pullRequestNumber?: number;
  };
  cases: TestCaseInput[];
}

export type CostSampleRow = Omit<NewCostSample, 'projectId' | 'environmentId' | 'pullRequestId'> & {
  environmentSlug?: string;
  pullRequestNumber?: number;
};

export type UptimeCheckRow = Omit<NewUptimeCheck, 'environmentId'> & { environmentSlug: string };

export interface DemoHistory {
  now: Date;
  project: NewProject;
  team: TeamMember[];
  pullRequests: PullRequestRow[];
  dbBranches: DbBranchRow[];
  environments: EnvironmentRow[];
  deployments: DeploymentRow[];
  ciRuns: CiRunRow[];
  testRuns: TestRunRow[];
  costSamples: CostSampleRow[];
  uptimeChecks: UptimeCheckRow[];
}

export interface SeedSummary {
  projects: number;
  users: number;
  memberships: number;
  pullRequests: number;
  dbBranches: number;
  environments: number;
  deployments: number;
  ciRuns: number;
  testRuns: number;
  testCases: number;
  costSamples: number;
  uptimeChecks: number;
}

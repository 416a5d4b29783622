import { z } from 'zod';
import type { Project } from '@/db/schema';
import { NEON_CONSUMPTION_KIND, neonConsumptionJob } from '@/lib/costs/neon-consumption-job';
import { VERCEL_CHARGES_KIND, vercelChargesJob } from '@/lib/costs/vercel-charges-job';
import { cronIntervalMs } from '@/lib/domain/sync-health';
import { WEBHOOK_RETRY_KIND, webhookRetryJob } from '@/lib/webhooks/retry';
import { CLEANUP_SYNC_KIND, cleanupJob } from '@/lib/operations/cleanup-job';
import {
  type CleanupSettings,
  cleanupMaxDeletionsFromEnv,
} from '@/lib/operations/cleanup-settings';
import { PREVIEW_PROVISION_KIND, previewProvisionJob } from '@/lib/operations/provision-job';
import { RECOVERY_SYNC_KIND, recoveryJob } from '@/lib/operations/recovery-job';
import { neonPlanFromEnv } from '@/lib/settings/provider-settings';
import { currentEnv, type Env } from '@/lib/settings/env';
import { uptimeSandboxUrl } from '@/lib/uptime/probe-route';
import { UPTIME_PROBES_KIND, uptimeProbesJob } from '@/lib/uptime/uptime-job';
import type { ProviderClients } from '@/lib/wiring/provider-clients';
import vercelConfig from '@/vercel.json';
import { GITHUB_PULL_REQUESTS, githubPullRequestsJob } from './github-pull-requests';
import { GITHUB_TEAM_ROLES, githubTeamRolesJob } from './github-team-roles';
import { GITHUB_WORKFLOW_RUNS, githubWorkflowRunsJob } from './github-workflow-runs';
import { NEON_BRANCHES, neonBranchesJob } from './neon-branches';
import type { SyncJob } from './sync-job';
import { VERCEL_DEPLOYMENTS, vercelDeploymentsJob } from './vercel-deployments';

export interface SyncDependencies {
  providers: ProviderClients;
  project: Project;
  env: Env;
}

/**
 * One sync kind, the cron path that runs it (vercel.json `crons`) and how to build its job. A
 * kind that works across projects (`withoutProject`) runs before any project exists.
 */
export type CronSync = { kind: string; cronPath: string } & (
  | { withoutProject?: false; build: (deps: SyncDependencies) => SyncJob }
  | { withoutProject: true; build: (deps: Omit<SyncDependencies, 'project'>) => SyncJob }
);

/** Every sync a cron route runs, in the order each route runs its own. */
export const CRON_SYNCS: readonly CronSync[] = [
  {
    kind: GITHUB_PULL_REQUESTS,
    cronPath: '/api/cron/github',
    build: ({ providers, project }) => githubPullRequestsJob(providers, project),
  },
  {
    kind: GITHUB_WORKFLOW_RUNS,
    cronPath: '/api/cron/github',
    build: ({ providers, project }) => githubWorkflowRunsJob(providers, project),
  },
  {
    // Every 10 minutes: a role taken away on GitHub is taken away here well within the hour.
    kind: GITHUB_TEAM_ROLES,
    cronPath: '/api/cron/github',
    build: ({ providers, project, env }) => githubTeamRolesJob(providers, project, env),
  },
  {
    kind: PREVIEW_PROVISION_KIND,
    cronPath: '/api/cron/github',
    build: ({ providers, project }) => previewProvisionJob(providers, project.id),
  },
  {
    kind: VERCEL_DEPLOYMENTS,
    cronPath: '/api/cron/vercel',
    build: ({ providers, project }) => vercelDeploymentsJob(providers, project),
  },
  {
    kind: NEON_BRANCHES,
    cronPath: '/api/cron/neon',
    build: ({ providers, project }) => neonBranchesJob(providers, project),
  },
  {
    kind: NEON_CONSUMPTION_KIND,
    cronPath: '/api/cron/costs',
    build: ({ providers, project, env }) =>
      neonConsumptionJob({
        neon: providers.neon,
        projectId: project.id,
        plan: neonPlanFromEnv(env),
      }),
  },
  {
    kind: VERCEL_CHARGES_KIND,
    cronPath: '/api/cron/costs',
    build: ({ providers, project }) =>
      vercelChargesJob({
        vercel: providers.vercel,
        projectId: project.id,
        vercelProjectId: project.vercelProjectId,
      }),
  },
  {
    kind: UPTIME_PROBES_KIND,
    cronPath: '/api/cron/uptime',
    build: ({ project, env }) =>
      uptimeProbesJob({ projectId: project.id, sandboxUrl: uptimeSandboxUrl(env) }),
  },
  {
    kind: WEBHOOK_RETRY_KIND,
    cronPath: '/api/cron/webhook-retries',
    withoutProject: true,
    build: () => webhookRetryJob(),
  },
  {
    kind: RECOVERY_SYNC_KIND,
    cronPath: '/api/cron/recover',
    build: ({ providers, env }) => recoveryJob(providers, env),
  },
  {
    kind: CLEANUP_SYNC_KIND,
    cronPath: '/api/cron/cleanup',
    withoutProject: true,
    build: ({ providers, env }) => cleanupJob(providers, () => cleanupSettings(env)),
  },
];

export const SYNC_KINDS = CRON_SYNCS.map((sync) => sync.kind);

export function cronSyncOf(kind: string): CronSync | undefined {
  return CRON_SYNCS.find((sync) => sync.kind === kind);
}

const cronsSchema = z.object({
  crons: z.array(z.object({ path: z.string(), schedule: z.string() })),
});

/**
 * How often each kind is meant to run, from the schedules vercel.json gives Vercel Cron: the one
 * place the schedule is written.
 */
export function syncIntervals(config: unknown = vercelConfig): Map<string, number> {
  const schedules = new Map(cronsSchema.parse(config).crons.map((c) => [c.path, c.schedule]));
  const intervals = new Map<string, number>();
  for (const sync of CRON_SYNCS) {
    const schedule = schedules.get(sync.cronPath);
    if (!schedule) throw new Error(`vercel.json has no cron for ${sync.cronPath} (${sync.kind})`);
    intervals.set(sync.kind, cronIntervalMs(schedule));
  }
  return intervals;
}

/**
 * Cleanup's limits: CLEANUP_MAX_DELETIONS, and how fresh the pull-request sync must be (twice
 * its schedule) for a closed pull request to be believed.
 */
export function cleanupSettings(env: Env = currentEnv()): CleanupSettings {
  return {
    maxDeletions: cleanupMaxDeletionsFromEnv(env),
    pullRequestSyncMaxAgeMs: 2 * syncIntervals().get(GITHUB_PULL_REQUESTS)!,
  };
}

/** The syncs one cron route runs, in order. */
export function cronSyncsOf(cronPath: string): CronSync[] {
  return CRON_SYNCS.filter((sync) => sync.cronPath === cronPath);
}

/** Builds one sync's job; a kind that needs the project and is given none is refused. */
export function buildCronJob(
  sync: CronSync,
  deps: Omit<SyncDependencies, 'project'> & { project?: Project },
): SyncJob {
  if (sync.withoutProject) return sync.build(deps);
  if (!deps.project) throw new Error(`${sync.kind} needs a project`);
  return sync.build({ ...deps, project: deps.project });
}

/** The jobs one cron route runs, in order, built for this deployment's clients and project. */
export function cronJobs(cronPath: string, deps: SyncDependencies): SyncJob[] {
  return cronSyncsOf(cronPath).map((sync) => buildCronJob(sync, deps));
}

import type { DemoHistory, DeploymentRow } from '@/lib/demo';
import type { DeploymentState } from '@/lib/domain/deployments';
import { GITHUB_OWNER, GITHUB_REPO } from '@/lib/demo/team';
import type { ReadyState, SandboxDeployment, VercelStore } from '../vercel/store';

const READY_STATES: Record<DeploymentState, ReadyState> = {
  queued: 'QUEUED',
  building: 'BUILDING',
  ready: 'READY',
  error: 'ERROR',
  canceled: 'CANCELED',
};

/**
 * Vercel's `target`: production, the `staging` custom environment, or null for a preview. The
 * develop branch deploys as a branch preview; its environment is known by its branch.
 */
function targetOf(row: DeploymentRow): SandboxDeployment['target'] {
  if (row.target === 'production' || row.target === 'staging') return row.target;
  return null;
}

/**
 * The git metadata Vercel's GitHub integration stores on each deployment. A promote or rollback
 * copies the commit of the build it serves; `action` and `sourceDeploymentId` say which build.
 */
function metaOf(row: DeploymentRow): Record<string, string> {
  const meta: Record<string, string> = {
    githubCommitOrg: GITHUB_OWNER,
    githubCommitRepo: GITHUB_REPO,
    githubCommitRef: row.gitBranch,
    githubCommitSha: row.commitSha,
    githubCommitMessage: row.commitMessage,
    githubCommitAuthorLogin: row.commitAuthor,
  };
  if (row.pullRequestNumber !== undefined) meta.githubPrId = String(row.pullRequestNumber);
  if (row.source !== 'git') meta.action = row.source;
  if (row.sourceVercelId) meta.sourceDeploymentId = row.sourceVercelId;
  return meta;
}

/**
 * Puts the demo's Vercel project into the emulator: every deployment under its demo id, and
 * production serving what the demo's production environment serves. Written straight into the
 * store, so no webhooks are queued for the past.
 */
export function fillVercelStore(store: VercelStore, history: DemoHistory): void {
  const projectId = history.project.vercelProjectId;
  const project = store.addProject({
    id: projectId,
    name: GITHUB_REPO,
    accountId: history.project.vercelTeamId,
  });
  for (const row of history.deployments) {
    const readyState = READY_STATES[row.state];
    const target = targetOf(row);
    store.deployments.set(row.vercelId, {
      id: row.vercelId,
      name: GITHUB_REPO,
      url: row.url.replace(/^https?:\/\//, ''),
      projectId,
      createdAt: row.providerCreatedAt.getTime(),
      ready: row.readyAt?.getTime(),
      readyState,
      // Every production deployment served traffic at some point; the rest never did.
      readySubstate:
        readyState !== 'READY' ? undefined : target === 'production' ? 'PROMOTED' : 'STAGED',
      target,
      meta: metaOf(row),
    });
  }
  fillEnvVars(store, projectId, history.deployments[0]?.providerCreatedAt.getTime() ?? 0);
  const production = history.environments.find((env) => env.kind === 'production');
  project.productionId = production?.currentVercelId ?? null;
  const last = history.deployments.findLast((row) => row.target === 'production');
  if (last && (last.source === 'promote' || last.source === 'rollback')) {
    const previous = history.deployments.findLast(
      (row) => row.target === 'production' && row.providerCreatedAt < last.providerCreatedAt,
    );
    project.rolledBack = last.source === 'rollback';
    project.lastAliasRequest = {
      type: last.source,
      jobStatus: 'succeeded',
      fromDeploymentId: previous?.vercelId ?? null,
      toDeploymentId: last.vercelId,
      requestedAt: last.providerCreatedAt.getTime(),
    };
  }
}

/**
 * The project's variables with a drift planted for the Config tab to find: staging lacks
 * SENTRY_DSN, which production and previews have, and STRIPE_LIVE_SECRET_KEY is set for
 * production only. The values are invented; envboard never reads them.
 */
const EVERYWHERE = ['production', 'preview', 'staging'];
export const DEMO_ENV_VARS = [
  { key: 'DATABASE_URL', targets: EVERYWHERE },
  { key: 'NEXTAUTH_SECRET', targets: EVERYWHERE },
  { key: 'FEATURE_FLAGS_SDK_KEY', targets: EVERYWHERE },
  { key: 'SENTRY_DSN', targets: ['production', 'preview'] },
  { key: 'STRIPE_LIVE_SECRET_KEY', targets: ['production'] },
].map((variable) => ({ ...variable, value: `demo-${variable.key.toLowerCase()}-value` }));

function fillEnvVars(store: VercelStore, projectId: string, since: number): void {
  const staging = store.addCustomEnvironment(projectId, 'staging');
  for (const { key, targets, value } of DEMO_ENV_VARS) {
    store.envs.push({
      id: `env${key.toLowerCase().replaceAll('_', '')}`.slice(0, 16),
      projectId,
      key,
      value,
      type: 'encrypted',
      target: targets.filter((target) => target !== 'staging'),
      ...(targets.includes('staging') && { customEnvironmentIds: [staging.id] }),
      createdAt: since,
      updatedAt: since,
    });
  }
}

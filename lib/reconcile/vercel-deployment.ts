import { eq } from 'drizzle-orm';
import { servingSince } from '@/lib/domain/deployments';
import { getActiveEnvironmentOfKind } from '@/db/queries/environment-of-kind';
import type { Database } from '@/db/client';
import {
  type Deployment,
  deployments,
  type Environment,
  environments,
  type NewDeployment,
  type Project,
} from '@/db/schema';
import { setCurrentDeployment, setDeploymentSource, upsertDeployments } from '@/db/writes';
import { environmentsOnBranch, findEnvironmentBySlug, recordActivity } from './environments';
import { type ApplyResult, changedIf, differs, ignored, inTransaction, latest } from './result';
import {
  buildOrigin,
  isNewerThanStored,
  sourceAfter,
  type VercelDeploymentChange,
} from './vercel-deployment-state';

export type { VercelDeploymentChange } from './vercel-deployment-state';
export { fromVercelDeployment, fromVercelSummary } from './vercel-deployment-state';

const DEPLOYMENT_FIELDS = [
  'state',
  'url',
  'errorMessage',
  'readyAt',
  'buildDurationMs',
] as const satisfies readonly (keyof Deployment)[];

async function findDeployment(db: Database, vercelId: string): Promise<Deployment | undefined> {
  const [row] = await db.select().from(deployments).where(eq(deployments.vercelId, vercelId));
  return row;
}

/**
 * Which environment a deployment belongs to: promotions and rollbacks serve production, a
 * production or staging target its own, and a preview build the preview or development
 * environment that builds its branch.
 */
async function environmentFor(
  db: Database,
  project: Project,
  change: VercelDeploymentChange,
  stored: Deployment | undefined,
): Promise<Environment | string> {
  if (change.servedBy) {
    return (
      (await getActiveEnvironmentOfKind(db, project.id, 'production')) ??
      'no production environment'
    );
  }
  if (stored) {
    const [row] = await db
      .select()
      .from(environments)
      .where(eq(environments.id, stored.environmentId));
    if (row) return row;
  }
  if (change.target) {
    return (
      (await getActiveEnvironmentOfKind(db, project.id, change.target)) ??
      `no active ${change.target} environment`
    );
  }
  const branch = change.meta.githubCommitRef;
  if (!branch) return 'a preview deployment without a git branch (githubCommitRef)';
  const [match] = await environmentsOnBranch(db, project.id, branch, ['preview', 'development']);
  return match ?? `no active preview or development environment builds branch ${branch}`;
}

const https = (host: string) => (/^https?:\/\//.test(host) ? host : `https://${host}`);
const elapsed = (from: Date | null | undefined, to: Date | null | undefined) =>
  from && to ? Math.max(0, to.getTime() - from.getTime()) : null;

function newRow(
  project: Project,
  environment: Environment,
  change: VercelDeploymentChange,
): NewDeployment {
  const state = change.state ?? 'ready';
  const readyAt = change.readyAt ?? (state === 'ready' ? change.observedAt : null);
  return {
    projectId: project.id,
    environmentId: environment.id,
    pullRequestId: environment.pullRequestId,
    vercelId: change.id,
    url: https(change.url),
    target: environment.kind,
    state,
    source: change.servedBy ?? buildOrigin(change.meta, environment),
    gitBranch: change.meta.githubCommitRef ?? environment.gitBranch,
    commitSha: change.meta.githubCommitSha ?? '',
    commitMessage: change.meta.githubCommitMessage ?? '',
    commitAuthor: change.meta.githubCommitAuthorLogin ?? change.meta.githubCommitAuthorName ?? '',
    errorMessage: change.errorMessage ?? null,
    providerCreatedAt: change.createdAt ?? change.observedAt,
    readyAt,
    // Only a known creation time gives a build time; a first sighting at the outcome does not.
    buildDurationMs: change.createdAt ? elapsed(change.createdAt, readyAt) : null,
    providerUpdatedAt: change.observedAt,
  };
}

function advancedRow(stored: Deployment, change: VercelDeploymentChange): NewDeployment {
  const state = change.state ?? stored.state;
  const readyAt =
    stored.readyAt ?? change.readyAt ?? (state === 'ready' ? change.observedAt : null);
  const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = stored;
  return {
    ...fields,
    state,
    url: https(change.url),
    errorMessage: change.errorMessage ?? stored.errorMessage,
    readyAt,
    buildDurationMs:
      stored.buildDurationMs ?? elapsed(stored.buildStartedAt ?? stored.providerCreatedAt, readyAt),
    // A promotion's time is recorded only once it is served (see serve).
    providerUpdatedAt: change.servedBy
      ? stored.providerUpdatedAt
      : latest(stored.providerUpdatedAt, change.observedAt)!,
  };
}

const servingSinceOf = (row: Deployment) =>
  servingSince({
    createdAt: row.providerCreatedAt,
    readyAt: row.readyAt,
    updatedAt: row.providerUpdatedAt,
  });

/**
 * Stores one Vercel deployment under its environment and, once it is ready, makes it what that
 * environment serves — unless the environment already serves something that began serving
 * later (an older event arriving late never takes production back). A promote or rollback makes
 * the deployment production's at the event's time. Deployments whose environment the board does
 * not track (no preview for the branch yet) are ignored with the reason; the next sync picks
 * them up once it exists.
 */
export async function applyVercelDeployment(
  db: Database,
  project: Project,
  change: VercelDeploymentChange,
): Promise<ApplyResult> {
  return inTransaction(db, async (tx) => {
    const stored = await findDeployment(tx, change.id);
    if (stored && stored.projectId !== project.id) {
      return ignored(`deployment ${change.id} belongs to another project`);
    }
    const environment = await environmentFor(tx, project, change, stored);
    if (typeof environment === 'string') return ignored(environment);

    let row = stored;
    let changed = false;
    if (!stored) {
      [row] = await upsertDeployments(tx, [newRow(project, environment, change)]);
      changed = true;
    } else if (isNewerThanStored(stored, change)) {
      const proposed = advancedRow(stored, change);
      const moved = proposed.providerUpdatedAt > stored.providerUpdatedAt;
      changed = differs(stored, proposed, DEPLOYMENT_FIELDS);
      if (moved || changed) [row] = await upsertDeployments(tx, [proposed]);
    }
    const source = row && sourceAfter(row.source, change.servedBy);
    if (row && source !== row.source) {
      row = await setDeploymentSource(tx, row.id, source!);
      changed = true;
    }
    if (!row || row.state !== 'ready') return changedIf(changed);
    const served = await serve(tx, project, environment, row, change);
    return changedIf(changed || served);
  });
}

async function serve(
  db: Database,
  project: Project,
  environment: Environment,
  row: Deployment,
  change: VercelDeploymentChange,
): Promise<boolean> {
  if (environment.currentDeploymentId === row.id) return false;
  const since = change.servedBy ? change.observedAt : servingSinceOf(row);
  if (environment.currentDeploymentId !== null) {
    const [current] = await db
      .select()
      .from(deployments)
      .where(eq(deployments.id, environment.currentDeploymentId));
    if (current && servingSinceOf(current) > since) return false;
  }
  if (change.servedBy && since > row.providerUpdatedAt) {
    // Serving since the promotion: what a later, older promotion is measured against.
    const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = row;
    await upsertDeployments(db, [{ ...fields, providerUpdatedAt: since }]);
  }
  await setCurrentDeployment(
    db,
    environment.id,
    row.id,
    latest(environment.lastActivityAt, since)!,
  );
  const refreshed = await findEnvironmentBySlug(db, project.id, environment.slug);
  if (refreshed) await recordActivity(db, project, refreshed, since);
  return true;
}

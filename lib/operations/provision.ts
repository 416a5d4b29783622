import type { Database } from '@/db/client';
import { getEnvironmentOnBranch } from '@/db/queries/environment-on-branch';
import { getDbBranch, getPreviewForPullRequest } from '@/db/queries/operation-targets';
import { getDeletedPreviewHeads } from '@/db/queries/provision-attempts';
import type { DbBranch, Environment, Project, PullRequest } from '@/db/schema';
import { upsertDbBranch, upsertEnvironment } from '@/db/writes';
import { linkPreviewDbBranch, setDbBranchExpiry } from '@/db/writes/operations';
import { exclusionSentence, previewExclusion } from '@/lib/domain/preview-exclusion';
import type { NeonBranch } from '@/lib/providers/neon/schemas';
import { isRefusal, startOperation } from './lock';
import { type ProvisionAttempt, provisionAttempts } from './provision-attempt';
import { updatePreviewComment } from './pr-comment';
import { ignoringGone } from './preview';
import { type OperationResult, type Refusal, refuse } from './result';
import { runSteps, type Step, StepRefused } from './runner';
import { nowOf, type OperationClients } from './types';

const DAY_MS = 24 * 3600 * 1000;
/** Neon refuses an expiry more than 30 days ahead. */
const NEON_MAX_TTL_DAYS = 30;
/** Neon's names for a project's first database and its owner role. */
export const PREVIEW_DATABASE = { databaseName: 'neondb', roleName: 'neondb_owner' } as const;

export const previewBranchName = (gitBranch: string) => `preview/${gitBranch}`;
/** The branch-scoped Vercel variable that hands a preview its database. */
export const PREVIEW_DATABASE_URL = 'DATABASE_URL';

export { provisionKey } from './provision-attempt';

/**
 * Gives a pull request its preview database, run by envboard itself when a pull request is
 * opened, reopened or synchronized: a Neon branch `preview/<branch>` that expires after the
 * project's preview TTL (at most 30 days), the branch-scoped DATABASE_URL on the Vercel project,
 * and the sticky comment. Idempotent: the same head commit returns the same operation, and a
 * branch that already exists (in the database or, after a crash, only at Neon) is reused, its
 * expiry moved to a full TTL from now. A failed head is tried again once its backoff has passed
 * (provision-attempt.ts). A pull request from a fork, or from another environment's branch, is
 * refused: its branch name is not a preview's to own. A preview deleted while its pull request
 * was open stays deleted at that head: the next push provisions it, or Provision again
 * (provision-again.ts) does now.
 */
export async function provision(
  db: Database,
  clients: OperationClients,
  input: { pullRequest: PullRequest },
): Promise<OperationResult> {
  const { pullRequest } = input;
  const checked = await provisionable(db, pullRequest);
  if (isRefusal(checked)) return checked;
  if (
    (await getDeletedPreviewHeads(db, checked.id, [pullRequest.id])).get(pullRequest.id) ===
    pullRequest.headSha
  ) {
    return refuse(
      'preview_deleted',
      `The preview of pull request #${pullRequest.number} was deleted at ${pullRequest.headSha.slice(0, 7)}; it is provisioned again on the next push, or with Provision again.`,
    );
  }
  const now = nowOf(clients);
  const attempt = (await provisionAttempts(db, checked.id, [pullRequest], now)).get(
    pullRequest.id,
  )!;
  if (!attempt.due) return settledAttempt(attempt);
  return runProvision(db, clients, checked, pullRequest, {
    idempotencyKey: attempt.idempotencyKey,
    actorId: null,
    reason: `pull request #${pullRequest.number} at ${pullRequest.headSha.slice(0, 7)}`,
  });
}

/** The project of an open pull request that may have a preview of its own, or why not. */
export async function provisionable(
  db: Database,
  pullRequest: PullRequest,
): Promise<Project | Refusal> {
  if (pullRequest.state !== 'open') {
    return refuse('invalid_input', `Pull request #${pullRequest.number} is ${pullRequest.state}.`);
  }
  const project = await projectOf(db, pullRequest.projectId);
  if (!project) return refuse('not_found', `Project ${pullRequest.projectId} does not exist.`);
  const exclusion = previewExclusion(
    pullRequest,
    await getEnvironmentOnBranch(db, project.id, pullRequest.headBranch),
  );
  if (exclusion) {
    const subject = `Pull request #${pullRequest.number}`;
    return refuse('not_a_preview', exclusionSentence(subject, pullRequest.headBranch, exclusion));
  }
  return project;
}

/**
 * The provisioning itself, by envboard (actorId null) or asked for by a member (Provision
 * again): the preview row revived if it was deleted, then the branch, DATABASE_URL and comment.
 */
export async function runProvision(
  db: Database,
  clients: OperationClients,
  project: Project,
  pullRequest: PullRequest,
  request: { idempotencyKey: string; actorId: number | null; reason: string },
): Promise<OperationResult> {
  const now = nowOf(clients);
  const environment = await ensurePreviewEnvironment(db, pullRequest, now);
  const ttlDays = Math.min(project.previewTtlDays, NEON_MAX_TTL_DAYS);
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS);
  const branchName = previewBranchName(pullRequest.headBranch);

  const clock = () => nowOf(clients);
  let connectionUri = '';
  const steps: Step[] = [
    {
      name: 'neon-branch',
      run: async (after) => {
        const found = await existingBranch(db, clients, environment, branchName);
        const branch = found
          ? await extendExpiry(clients, found, expiresAt)
          : await createBranch(clients, branchName, expiresAt);
        connectionUri =
          branch.connectionUri ??
          (await clients.neon.getConnectionUri({
            branchId: branch.branch.id,
            ...PREVIEW_DATABASE,
          }));
        const dbBranch = branch.recorded
          ? await recordExpiry(db, branch.recorded, branch.branch)
          : await recordBranch(db, environment, branch.branch);
        await linkPreviewDbBranch(db, environment.id, {
          dbBranchId: dbBranch.id,
          expiresAt: dbBranch.expiresAt,
          at: clock(),
        });
        Object.assign(after, {
          dbBranch: branch.branch.name,
          neonBranchId: branch.branch.id,
          reused: Boolean(found),
        });
      },
    },
    {
      name: 'vercel-env',
      run: async (after) => {
        if (!project.vercelProjectId) throw new StepRefused('the project has no Vercel project id');
        await clients.vercel.upsertPreviewEnvVar(project.vercelProjectId, {
          key: PREVIEW_DATABASE_URL,
          value: connectionUri,
          gitBranch: pullRequest.headBranch,
        });
        after.databaseUrlFor = pullRequest.headBranch;
      },
    },
    {
      name: 'pr-comment',
      run: async (after) => {
        const note = `Preview database \`${branchName}\` ready for ${pullRequest.headSha.slice(0, 7)}`;
        after.prCommentId = (await updatePreviewComment(db, clients, environment.id, note)) ?? null;
      },
    },
  ];
  return startOperation(
    db,
    {
      projectId: project.id,
      environmentId: environment.id,
      kind: 'provision',
      state: 'running',
      idempotencyKey: request.idempotencyKey,
      actorId: request.actorId,
      reason: request.reason,
      before: { dbBranchId: environment.dbBranchId, headSha: pullRequest.headSha },
      requestedAt: now,
      startedAt: now,
    },
    environment.name,
    (operation) => runSteps(db, operation, steps, { hooks: clients.hooks, now: clock }),
  );
}

/** The answer for a head whose provisioning is not due: the operation that settled it. */
function settledAttempt(attempt: Extract<ProvisionAttempt, { due: false }>): OperationResult {
  const { operation, retryAt } = attempt;
  if (operation.state !== 'failed') return { ok: true, operation };
  const next = retryAt ? `; it is retried from ${retryAt.toISOString()}` : '';
  return refuse('failed', `The provisioning failed: ${operation.error}${next}.`, {
    operation,
  });
}

async function projectOf(db: Database, projectId: number): Promise<Project | undefined> {
  return db.query.projects.findFirst({ where: (projects, { eq }) => eq(projects.id, projectId) });
}

/** The pull request's preview row, created on first sight and revived when it was deleted. */
async function ensurePreviewEnvironment(
  db: Database,
  pullRequest: PullRequest,
  now: Date,
): Promise<Environment> {
  const existing = await getPreviewForPullRequest(db, pullRequest);
  const revived = existing?.status === 'deleted';
  return upsertEnvironment(db, {
    projectId: pullRequest.projectId,
    kind: 'preview',
    slug: existing?.slug ?? `pr-${pullRequest.number}`,
    name: existing?.name ?? `PR #${pullRequest.number}`,
    gitBranch: pullRequest.headBranch,
    url: existing?.url ?? null,
    healthUrl: existing?.healthUrl ?? null,
    pullRequestId: pullRequest.id,
    dbBranchId: revived ? null : (existing?.dbBranchId ?? null),
    status: 'active',
    expiresAt: existing && !revived ? existing.expiresAt : null,
    lastActivityAt: now,
    deletedAt: null,
  });
}

interface BranchWithUri {
  branch: NeonBranch;
  connectionUri?: string;
  /** The row envboard already keeps for it, left as it is (its reset and validation times). */
  recorded?: DbBranch;
}

/** The branch this preview already has: the one recorded, else one Neon has under its name. */
async function existingBranch(
  db: Database,
  clients: OperationClients,
  environment: Environment,
  name: string,
): Promise<BranchWithUri | undefined> {
  const recorded = await getDbBranch(db, environment.dbBranchId);
  if (recorded && recorded.state !== 'deleted') {
    let branch: NeonBranch | undefined;
    const outcome = await ignoringGone(async () => {
      branch = await clients.neon.getBranch(recorded.neonBranchId);
    });
    if (outcome === 'deleted' && branch) return { branch, recorded };
  }
  const listed = await clients.neon.listBranches({ search: name });
  const byName = listed.find((branch) => branch.name === name);
  return byName ? { branch: byName } : undefined;
}

/**
 * A new push keeps the preview's database for a full TTL from now: Neon would otherwise delete
 * the branch of a pull request still being worked on, counted from its first push.
 */
async function extendExpiry(
  clients: OperationClients,
  found: BranchWithUri,
  expiresAt: Date,
): Promise<BranchWithUri> {
  const changed = await clients.neon.updateBranch(found.branch.id, { expiresAt });
  await clients.neon.waitForOperations(changed.operations);
  return { ...found, branch: changed.branch };
}

async function createBranch(
  clients: OperationClients,
  name: string,
  expiresAt: Date,
): Promise<BranchWithUri> {
  const created = await clients.neon.createBranch({ name, expiresAt });
  await clients.neon.waitForOperations(created.operations);
  return { branch: created.branch, connectionUri: created.connectionUri };
}

/** The recorded branch with the expiry Neon now has; its reset and validation times kept. */
async function recordExpiry(db: Database, recorded: DbBranch, branch: NeonBranch) {
  const expiresAt = branch.expires_at ? new Date(branch.expires_at) : null;
  return (
    (await setDbBranchExpiry(db, recorded.id, {
      expiresAt,
      providerUpdatedAt: new Date(branch.updated_at),
    })) ?? recorded
  );
}

/** A branch envboard did not know yet (just created, or found at Neon after a crash). */
async function recordBranch(
  db: Database,
  environment: Environment,
  branch: NeonBranch,
): Promise<DbBranch> {
  const stored = await upsertDbBranch(db, {
    projectId: environment.projectId,
    neonBranchId: branch.id,
    name: branch.name,
    parentNeonBranchId: branch.parent_id ?? null,
    state: 'ready',
    expiresAt: branch.expires_at ? new Date(branch.expires_at) : null,
    providerCreatedAt: new Date(branch.created_at),
    providerUpdatedAt: new Date(branch.updated_at),
  });
  if (stored) return stored;
  // A newer provider state was already recorded: keep it.
  const row = await db.query.dbBranches.findFirst({
    where: (branches, { eq }) => eq(branches.neonBranchId, branch.id),
  });
  if (!row) throw new StepRefused(`database branch ${branch.id} could not be recorded`);
  return row;
}

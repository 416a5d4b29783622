import type { Database } from '@/db/client';
import { getDeploymentContext, getEnvironmentContext } from '@/db/queries/operation-contexts';
import { listStaleOperations } from '@/db/queries/operation-records';
import { getProductionEnvironment } from '@/db/queries/production-serving';
import type { Operation, Project } from '@/db/schema';
import {
  markDbBranchReset,
  markEnvironmentDeleted,
  recordPromotion,
  recordRollback,
  transitionOperation,
} from '@/db/writes/operations';
import { MAX_DURATION_MS } from '@/lib/http/max-duration';
import { ProviderError } from '@/lib/providers/errors';
import { previewBranchName } from './provision';
import { describeError } from './result';
import type { OperationClients } from './types';

/**
 * An operation runs inside one function invocation (a server action's `after()`, the webhook's,
 * or a cron route), which Vercel stops at maxDuration: one `approved` or `running` that has not
 * moved for longer died with it. A minute more allows for clocks that disagree.
 */
export const OPERATION_TIMEOUT_MS = MAX_DURATION_MS + 60_000;

type Verdict = { state: 'succeeded'; note: string } | { state: 'failed'; error: string };

export interface RecoveryReport {
  finished: {
    id: number;
    kind: Operation['kind'];
    state: 'succeeded' | 'failed';
    detail: string;
  }[];
  /** Operations the providers could not be asked about this time; tried again next run. */
  errors: string[];
}

/**
 * Finishes operations a crash left `approved` or `running`, from the providers' real state,
 * never from hope: a promote whose target production serves succeeded; one whose target it does
 * not serve failed ("interrupted: …"), and so on per kind. Whatever the operation had not yet
 * recorded in the database is recorded here.
 */
export async function recoverInterruptedOperations(
  db: Database,
  clients: OperationClients,
  now: Date,
  { timeoutMs = OPERATION_TIMEOUT_MS } = {},
): Promise<RecoveryReport> {
  const report: RecoveryReport = { finished: [], errors: [] };
  const stale = await listStaleOperations(db, new Date(now.getTime() - timeoutMs));
  for (const operation of stale) {
    let verdict: Verdict;
    try {
      verdict = await judge(db, clients, operation, now);
    } catch (error) {
      report.errors.push(`#${operation.id} ${operation.kind}: ${describeError(error)}`);
      continue;
    }
    const finished = await transitionOperation(db, operation.id, ['approved', 'running'], {
      state: verdict.state,
      finishedAt: now,
      error: verdict.state === 'failed' ? verdict.error : null,
      after: {
        ...(operation.after ?? {}),
        // The stored key (the audit log shows it) keeps the name the rows written before carry.
        reconciled: verdict.state === 'failed' ? verdict.error : verdict.note,
      },
    });
    if (finished) {
      const detail = verdict.state === 'failed' ? verdict.error : verdict.note;
      report.finished.push({
        id: operation.id,
        kind: operation.kind,
        state: verdict.state,
        detail,
      });
    }
  }
  return report;
}

const interrupted = (why: string): Verdict => ({ state: 'failed', error: `interrupted: ${why}` });
const stepDone = (operation: Operation, step: string) =>
  operation.step === 'done' || operation.step === `${step}: done`;

async function judge(
  db: Database,
  clients: OperationClients,
  operation: Operation,
  now: Date,
): Promise<Verdict> {
  const before = operation.before ?? {};
  switch (operation.kind) {
    case 'promote':
      return judgePromote(db, clients, operation, now);
    case 'rollback': {
      const served = await servedProduction(db, clients, operation.projectId);
      if (served !== before.targetVercelId) {
        return interrupted(`production serves ${served ?? 'nothing'}, not the rollback target`);
      }
      const production = (await getProductionEnvironment(db, operation.projectId))!;
      const targetId = Number(before.targetDeploymentId);
      await recordRollback(db, {
        productionEnvironmentId: production.id,
        targetDeploymentId: targetId,
        at: now,
      });
      if (before.restoreDatabase && !stepDone(operation, 'neon-restore')) {
        return interrupted('production was rolled back, but the database restore is not confirmed');
      }
      return { state: 'succeeded', note: 'production serves the rollback target' };
    }
    case 'reseed':
      return judgeReseed(db, clients, operation);
    case 'delete':
      return judgeDelete(db, clients, operation, now);
    case 'provision': {
      const context = operation.environmentId
        ? await getEnvironmentContext(db, operation.environmentId)
        : undefined;
      const name = context ? previewBranchName(context.environment.gitBranch) : undefined;
      const exists = name
        ? (await clients.neon.listBranches({ search: name })).some((branch) => branch.name === name)
        : false;
      if (exists && stepDone(operation, 'vercel-env')) {
        return { state: 'succeeded', note: `branch ${name} and its DATABASE_URL are in place` };
      }
      return interrupted(
        exists
          ? `branch ${name} exists but its DATABASE_URL is not confirmed; the next push provisions again`
          : 'no preview branch was created; the next push provisions again',
      );
    }
    case 'cleanup':
      return interrupted('the sweep stopped part-way; the next cleanup run finishes it');
    case 'membership':
    case 'pin':
    case 'freeze':
    case 'api_token':
    case 'alert_channel':
      // Written finished, in the same transaction as the change: never left running.
      return { state: 'succeeded', note: 'the change was recorded as made' };
  }
}

async function projectOf(db: Database, projectId: number): Promise<Project> {
  const project = await db.query.projects.findFirst({ where: (p, { eq }) => eq(p.id, projectId) });
  return project!;
}

async function servedProduction(
  db: Database,
  clients: OperationClients,
  projectId: number,
): Promise<string | undefined> {
  const { vercelProjectId } = await projectOf(db, projectId);
  if (!vercelProjectId) return undefined;
  return (await clients.vercel.getProject(vercelProjectId)).targets?.production?.id;
}

async function judgePromote(
  db: Database,
  clients: OperationClients,
  operation: Operation,
  now: Date,
): Promise<Verdict> {
  const before = operation.before ?? {};
  const project = await projectOf(db, operation.projectId);
  const vercel = project.vercelProjectId
    ? await clients.vercel.getProject(project.vercelProjectId)
    : undefined;
  const served = vercel?.targets?.production;
  const job = vercel?.lastAliasRequest;
  const moved =
    served?.id === before.vercelId ||
    (job?.type === 'promote' &&
      job.toDeploymentId === before.vercelId &&
      job.jobStatus === 'succeeded');
  if (!moved || !served) {
    return interrupted(
      `production still serves ${served?.id ?? 'nothing'}, not ${String(before.vercelId)}`,
    );
  }
  const source = await getDeploymentContext(db, Number(before.deploymentId));
  const production = await getProductionEnvironment(db, operation.projectId);
  if (source && production) {
    await recordPromotion(db, {
      productionEnvironmentId: production.id,
      source: source.deployment,
      served: { vercelId: served.id, url: served.url },
      at: now,
    });
  }
  return { state: 'succeeded', note: `production serves ${served.id}` };
}

async function judgeReseed(
  db: Database,
  clients: OperationClients,
  operation: Operation,
): Promise<Verdict> {
  const context = await getEnvironmentContext(db, operation.environmentId ?? 0);
  const dbBranch = context?.dbBranch;
  if (!context || !dbBranch) return interrupted('the preview or its database branch is gone');
  const branch = await clients.neon.getBranch(dbBranch.neonBranchId);
  const resetAt = branch.last_reset_at ? new Date(branch.last_reset_at) : undefined;
  const started = operation.startedAt ?? operation.requestedAt;
  if (!resetAt || resetAt < new Date(started.getTime() - 1000)) {
    return interrupted('the database branch was not reset');
  }
  await markDbBranchReset(db, dbBranch.id, resetAt);
  const hookDone = ['seed-hook: done', 'pr-comment', 'pr-comment: done', 'done'];
  if (context.project.seedHookUrl && !hookDone.includes(operation.step ?? '')) {
    return interrupted('the database was reset, but the seed hook is not confirmed; reseed again');
  }
  return { state: 'succeeded', note: `database reset at ${resetAt.toISOString()}` };
}

async function judgeDelete(
  db: Database,
  clients: OperationClients,
  operation: Operation,
  now: Date,
): Promise<Verdict> {
  const before = operation.before ?? {};
  const remaining: string[] = [];
  const neonBranchId = typeof before.neonBranchId === 'string' ? before.neonBranchId : undefined;
  if (neonBranchId && (await stillThere(() => clients.neon.getBranch(neonBranchId)))) {
    remaining.push(`branch ${neonBranchId}`);
  }
  const deployments = Array.isArray(before.deployments) ? (before.deployments as string[]) : [];
  for (const vercelId of deployments) {
    if (await stillThere(() => clients.vercel.getDeployment(vercelId))) {
      remaining.push(`deployment ${vercelId}`);
    }
  }
  if (remaining.length > 0) return interrupted(`still present: ${remaining.join(', ')}`);
  if (operation.environmentId) await markEnvironmentDeleted(db, operation.environmentId, now);
  return { state: 'succeeded', note: 'its deployments and database branch are gone' };
}

/** Whether a provider still has something: a read that answers 404 means it is gone. */
async function stillThere(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof ProviderError && error.status === 404) return false;
    throw error;
  }
}

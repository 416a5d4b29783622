import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Environment, environments, type NewEnvironment, type Project } from '@/db/schema';
import { ENVIRONMENT_FIELDS, upsertEnvironment } from '@/db/writes';
import { pinHolds } from '@/lib/domain/pins';
import { differs, latest } from './result';

const DAY_MS = 86_400_000;

/** The preview naming the demo seed uses: one `pr-<number>` environment per pull request. */
export const previewSlug = (pullRequestNumber: number) => `pr-${pullRequestNumber}`;
export const previewName = (pullRequestNumber: number) => `PR #${pullRequestNumber}`;

/**
 * A preview expires `previewTtlDays` after its last activity; a pinned one keeps its date (its
 * pin's end) while the pin holds, and follows the TTL again once the pin has lapsed.
 */
export function previewExpiry(
  environment: Pick<Environment, 'pinned' | 'pinnedUntil' | 'expiresAt'>,
  lastActivityAt: Date,
  ttlDays: number,
): Date | null {
  if (pinHolds(environment, lastActivityAt)) return environment.expiresAt;
  return new Date(lastActivityAt.getTime() + ttlDays * DAY_MS);
}

/**
 * Changes some fields of a stored environment through upsertEnvironment, which rewrites every
 * field it knows: the untouched ones are passed back as stored. Returns whether anything changed.
 */
export async function saveEnvironment(
  db: Database,
  stored: Environment,
  changes: Partial<Pick<Environment, (typeof ENVIRONMENT_FIELDS)[number]>>,
): Promise<boolean> {
  if (!differs(stored, changes, ENVIRONMENT_FIELDS)) return false;
  const row: NewEnvironment = {
    projectId: stored.projectId,
    kind: stored.kind,
    slug: stored.slug,
    pinned: stored.pinned,
    name: stored.name,
    gitBranch: stored.gitBranch,
    url: stored.url,
    healthUrl: stored.healthUrl,
    pullRequestId: stored.pullRequestId,
    dbBranchId: stored.dbBranchId,
    status: stored.status,
    expiresAt: stored.expiresAt,
    lastActivityAt: stored.lastActivityAt,
    deletedAt: stored.deletedAt,
    ...changes,
  };
  await upsertEnvironment(db, row);
  return true;
}

/** An environment's last activity moved forward to `at` (never back); a preview's expiry follows. */
export function activity(
  project: Project,
  environment: Environment,
  at: Date,
): Pick<Environment, 'lastActivityAt' | 'expiresAt'> {
  const lastActivityAt = latest(environment.lastActivityAt, at)!;
  const expiresAt =
    environment.kind === 'preview'
      ? previewExpiry(environment, lastActivityAt, project.previewTtlDays)
      : environment.expiresAt;
  return { lastActivityAt, expiresAt };
}

/** Moves an environment's last activity forward (never back); a preview's expiry follows it. */
export async function recordActivity(
  db: Database,
  project: Project,
  environment: Environment,
  at: Date,
): Promise<boolean> {
  return saveEnvironment(db, environment, activity(project, environment, at));
}

export async function findEnvironmentBySlug(
  db: Database,
  projectId: number,
  slug: string,
): Promise<Environment | undefined> {
  const [row] = await db
    .select()
    .from(environments)
    .where(and(eq(environments.projectId, projectId), eq(environments.slug, slug)));
  return row;
}

/** Active environments that build `branch`, of the given kinds. */
export async function environmentsOnBranch(
  db: Database,
  projectId: number,
  branch: string,
  kinds: readonly Environment['kind'][],
): Promise<Environment[]> {
  return db
    .select()
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.gitBranch, branch),
        eq(environments.status, 'active'),
        inArray(environments.kind, [...kinds]),
      ),
    )
    .orderBy(desc(environments.id));
}

import { eq } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@/db/client';
import { type DbBranch, type Environment, type Project, projects, type User } from '@/db/schema';
import {
  setCurrentDeployment,
  setMembership,
  upsertCiRuns,
  upsertDbBranch,
  upsertPullRequest,
} from '@/db/writes';
import type { Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/roles';
import type { OperationClients } from '@/lib/operations';
import { createGitHubClient } from '@/lib/providers/github/client';
import { createNeonClient } from '@/lib/providers/neon/client';
import { createVercelClient } from '@/lib/providers/vercel/client';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { type NeonSandbox, startNeonSandbox } from '@/sandbox/neon';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import {
  createDeployments,
  createEnvironment,
  createProject,
  createTestRun,
  createUser,
  makeCases,
} from '@/tests/support/factories';

/**
 * One project wired to the three sandboxes for the operations tests: production and staging
 * environments with their Neon branches, production serving a first release, and the real
 * clients pointed at the sandboxes with their waits cut to a few milliseconds.
 */

export const REPO = { owner: 'acme', name: 'shop' };
export const TOKEN = 'operations-test-token';
export const NEON_PROJECT = 'envboard-operations';
const silent = { warn: () => {}, error: () => {} };

export interface World {
  db: Database;
  handle: DatabaseHandle;
  github: GitHubSandbox;
  vercel: VercelSandbox;
  neon: NeonSandbox;
  clients: OperationClients;
  project: Project;
  production: Environment;
  staging: Environment;
  productionBranch: DbBranch;
  stagingBranch: DbBranch;
  users: Record<Role, User> & { secondReleaseManager: User };
  actor: (user: User, role: Role) => Actor;
  close: () => Promise<void>;
}

export interface WorldOptions {
  /** Makes the project's slug and the users' logins unique in a shared database. */
  prefix?: string;
  /** > 0: Vercel answers promotions 202 and finishes them this much later. */
  aliasJobMs?: number;
  requireApproval?: boolean;
  seedHookUrl?: string;
}

export function fastClients(
  github: GitHubSandbox,
  vercel: VercelSandbox,
  neon: NeonSandbox,
): OperationClients {
  const poll = { initialMs: 5, maxMs: 20, timeoutMs: 10_000 };
  const retry = { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 };
  return {
    github: createGitHubClient({
      baseUrl: github.baseUrl,
      token: TOKEN,
      owner: REPO.owner,
      repo: REPO.name,
      retry: { retries: 1, msPerSecond: 1, spaceWrites: false },
      log: silent,
    }),
    vercel: createVercelClient({ baseUrl: vercel.baseUrl, token: TOKEN }, { poll, retry }),
    neon: createNeonClient(
      { baseUrl: neon.apiUrl, apiKey: TOKEN, projectId: NEON_PROJECT },
      { poll, retry },
    ),
  };
}

/** A world on a fresh test database of its own (see createTestDatabase). */
export async function createWorld(options: WorldOptions = {}): Promise<World> {
  // Loaded here, not at the top: the bench builds worlds outside vitest, where it cannot run.
  const { createTestDatabase } = await import('@/tests/support/test-database');
  return buildWorld(await createTestDatabase(), options);
}

/** A world on a database the caller opened (the bench's); closed with the world. */
export async function buildWorld(
  handle: DatabaseHandle,
  options: WorldOptions = {},
): Promise<World> {
  const db = handle.db;
  const prefix = options.prefix;
  const github = await startGitHubSandbox({ repositories: [`${REPO.owner}/${REPO.name}`] });
  const vercel = await startVercelSandbox({
    token: TOKEN,
    webhookSecret: 'unused',
    aliasJobMs: options.aliasJobMs,
  });
  const neon = await startNeonSandbox({ apiKey: TOKEN, projectId: NEON_PROJECT, operationMs: 5 });
  vercel.store.addProject({ id: 'prj_shop', name: 'shop' });

  const project = await createProject(db, {
    ...(prefix && { slug: `${prefix}-project`, name: `${prefix} project` }),
    githubOwner: REPO.owner,
    githubRepo: REPO.name,
    vercelProjectId: 'prj_shop',
    neonProjectId: NEON_PROJECT,
  });
  // upsertProject leaves these to their defaults; the tests set them as a project would.
  await db
    .update(projects)
    .set({
      requireApproval: options.requireApproval ?? false,
      requiredChecks: ['ci', 'e2e'],
      seedHookUrl: options.seedHookUrl ?? null,
    })
    .where(eq(projects.id, project.id));

  const main = neon.store.defaultBranch;
  const productionBranch = (await upsertDbBranch(db, {
    projectId: project.id,
    neonBranchId: main.id,
    name: main.name,
    isDefault: true,
    state: 'ready',
    migrationsValidatedAt: new Date(),
    providerCreatedAt: new Date(main.createdAt),
    providerUpdatedAt: new Date(main.createdAt),
  }))!;
  const stagingNeon = neon.store.createBranch({ name: 'staging', compute: true }).branch;
  const stagingBranch = (await upsertDbBranch(db, {
    projectId: project.id,
    neonBranchId: stagingNeon.id,
    name: 'staging',
    parentNeonBranchId: main.id,
    state: 'ready',
    migrationsValidatedAt: new Date(),
    providerCreatedAt: new Date(stagingNeon.createdAt),
    providerUpdatedAt: new Date(stagingNeon.createdAt),
  }))!;
  const production = await createEnvironment(db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
    gitBranch: 'main',
    dbBranchId: productionBranch.id,
  });
  const staging = await createEnvironment(db, project, {
    kind: 'staging',
    slug: 'staging',
    name: 'Staging',
    gitBranch: 'staging',
    dbBranchId: stagingBranch.id,
  });

  const user = (name: string) =>
    createUser(db, prefix ? { githubLogin: `${prefix}-${name}`, name } : {});
  const users = {
    viewer: await user('viewer'),
    developer: await user('developer'),
    release_manager: await user('release-manager'),
    admin: await user('admin'),
    secondReleaseManager: await user('second-release-manager'),
  };
  for (const [key, user] of Object.entries(users)) {
    const role = key === 'secondReleaseManager' ? 'release_manager' : (key as Role);
    await setMembership(db, { userId: user.id, projectId: project.id, role });
  }

  const world: World = {
    db,
    handle,
    github,
    vercel,
    neon,
    clients: fastClients(github, vercel, neon),
    project: (await db.query.projects.findFirst({
      where: (p, { eq }) => eq(p.id, project.id),
    }))!,
    production,
    staging,
    productionBranch,
    stagingBranch,
    users,
    actor: (user, role) => ({
      userId: user.id,
      githubId: user.githubId,
      login: user.githubLogin,
      name: user.name,
      avatarUrl: user.avatarUrl,
      role,
      projectId: project.id,
    }),
    close: async () => {
      await Promise.all([github.close(), vercel.close(), neon.close()]);
      await handle.close();
    },
  };
  // Production serves a first release that went out before the tests.
  const first = await stagingRelease(world, { checks: 'green' });
  const served = world.vercel.store.addDeployment({
    projectId: 'prj_shop',
    target: 'production',
    meta: { githubCommitRef: 'main', githubCommitSha: first.commitSha },
    createdAt: Date.now() - 60_000,
  });
  const [row] = await createDeployments(db, production, [
    {
      vercelId: served.id,
      url: served.url,
      commitSha: first.commitSha,
      providerCreatedAt: new Date(served.createdAt),
      providerUpdatedAt: new Date(served.createdAt),
    },
  ]);
  await setCurrentDeployment(db, production.id, row!.id, new Date());
  world.production = (await db.query.environments.findFirst({
    where: (e, { eq }) => eq(e.id, production.id),
  }))!;
  return world;
}

export interface ReleaseOptions {
  /** green: ci succeeded and e2e passed; otherwise the verdict of each. */
  checks?:
    | 'green'
    | { ci?: 'success' | 'failure' | 'in_progress' | 'none'; e2e?: 'passed' | 'failed' | 'none' };
  readyState?: 'READY' | 'BUILDING';
}

let releases = 0;

/** A new commit on staging, built by Vercel and recorded with its checks. */
export async function stagingRelease(world: World, options: ReleaseOptions = {}) {
  releases++;
  const { after: commitSha } = world.github.change.push(`${REPO.owner}/${REPO.name}`, {
    branch: 'staging',
    messages: [`Release ${releases}`],
  });
  const built = world.vercel.store.addDeployment({
    projectId: 'prj_shop',
    target: 'staging',
    readyState: options.readyState ?? 'READY',
    meta: { githubCommitRef: 'staging', githubCommitSha: commitSha },
  });
  const [deployment] = await createDeployments(world.db, world.staging, [
    {
      vercelId: built.id,
      url: built.url,
      commitSha,
      state: built.readyState === 'READY' ? 'ready' : 'building',
      providerCreatedAt: new Date(built.createdAt),
      providerUpdatedAt: new Date(built.createdAt),
    },
  ]);
  const checks =
    options.checks === undefined || options.checks === 'green'
      ? { ci: 'success' as const, e2e: 'passed' as const }
      : options.checks;
  const at = new Date();
  if (checks.ci && checks.ci !== 'none') {
    await upsertCiRuns(world.db, [
      {
        projectId: world.project.id,
        githubRunId: 900_000 + releases,
        workflowName: 'ci',
        event: 'push',
        headBranch: 'staging',
        headSha: commitSha,
        status: checks.ci === 'in_progress' ? 'in_progress' : 'completed',
        conclusion: checks.ci === 'in_progress' ? null : checks.ci,
        providerCreatedAt: at,
        providerUpdatedAt: at,
      },
    ]);
  }
  if (checks.e2e && checks.e2e !== 'none') {
    await createTestRun(
      world.db,
      world.project,
      { suite: 'e2e', commitSha, branch: 'staging', startedAt: at },
      makeCases(3, checks.e2e === 'failed' ? { 1: 'failed' } : {}),
    );
  }
  return deployment!;
}

/** The statuses envboard set on a commit in the GitHub sandbox, oldest first. */
export function commitStatuses(world: World, sha: string) {
  return world.github
    .repository(`${REPO.owner}/${REPO.name}`)
    .statuses.filter((status) => status.sha === sha)
    .map(({ state, context }) => ({ state, context }));
}

/** A pull request opened in the GitHub sandbox and recorded as the webhook would record it. */
/** A pull request opened at GitHub and stored; by the world's developer unless `author` says. */
export async function openPullRequest(
  world: World,
  headBranch: string,
  author: string = world.users.developer.githubLogin,
) {
  const opened = world.github.change.openPullRequest(`${REPO.owner}/${REPO.name}`, {
    head: headBranch,
    title: `Change ${headBranch}`,
    author,
  });
  return (await upsertPullRequest(world.db, {
    projectId: world.project.id,
    number: opened.number,
    title: opened.title,
    author: opened.author,
    headBranch,
    baseBranch: opened.baseRef,
    headSha: opened.headSha,
    state: 'open',
    openedAt: opened.createdAt,
    providerUpdatedAt: opened.updatedAt,
  }))!;
}

/** The sticky comments on a pull request in the GitHub sandbox. */
export function comments(world: World, number: number) {
  return [...world.github.repository(`${REPO.owner}/${REPO.name}`).comments.values()].filter(
    (comment) => comment.issueNumber === number,
  );
}

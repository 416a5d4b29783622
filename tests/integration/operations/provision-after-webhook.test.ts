import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type Project, webhookDeliveries } from '@/db/schema';
import { provisionFromDelivery } from '@/lib/operations/provision-after-webhook';
import { createProject, createPullRequest } from '@/tests/support/factories';
import { createWorld, openPullRequest, REPO, type World } from './world';

let world: World;
let shown: Project;
let boardProject: string | undefined;
beforeAll(async () => {
  world = await createWorld();
  // A second project in the same database, the one the board shows.
  shown = await createProject(world.db, {
    slug: 'shown-project',
    githubOwner: 'acme',
    githubRepo: 'storefront',
    vercelProjectId: 'prj_shop',
  });
  boardProject = process.env.ENVBOARD_PROJECT;
  process.env.ENVBOARD_PROJECT = shown.slug;
});
afterAll(async () => {
  if (boardProject === undefined) delete process.env.ENVBOARD_PROJECT;
  else process.env.ENVBOARD_PROJECT = boardProject;
  await world.close();
});

let deliveries = 0;
/** A `pull_request` delivery as the webhook route stores it before provisioning runs. */
async function storedDelivery(repository: string, number: number): Promise<string> {
  const deliveryId = `provision-delivery-${++deliveries}`;
  await world.db.insert(webhookDeliveries).values({
    provider: 'github',
    deliveryId,
    event: 'pull_request',
    action: 'opened',
    status: 'applied',
    payload: { action: 'opened', number, repository: { full_name: repository } },
  });
  return deliveryId;
}

const provisionsOf = (projectId: number) =>
  world.db
    .select({ key: operations.idempotencyKey, state: operations.state })
    .from(operations)
    .where(eq(operations.projectId, projectId));

describe('provisioning after a pull_request webhook', () => {
  it('provisions in the project of the delivery’s repository, whichever project the board shows', async () => {
    const pr = await openPullRequest(world, 'feature-webhook-project');
    // The shown project has an open pull request of the same number.
    await createPullRequest(world.db, shown, { number: pr.number, headBranch: 'storefront-fix' });

    await provisionFromDelivery(
      world.db,
      await storedDelivery(`${REPO.owner}/${REPO.name}`, pr.number),
      world.clients,
    );
    expect(await provisionsOf(world.project.id)).toEqual([
      {
        key: `provision:${world.project.id}:${pr.number}:${pr.headSha}`,
        state: 'succeeded',
      },
    ]);
    expect(await provisionsOf(shown.id)).toEqual([]);
    const names = [...world.neon.store.branches.values()].map((branch) => branch.name);
    expect(names).toContain('preview/feature-webhook-project');
    expect(names).not.toContain('preview/storefront-fix');
  });

  it('provisions nothing for a repository that is no project’s', async () => {
    const open = await createPullRequest(world.db, shown, { headBranch: 'storefront-other' });
    const before = await world.db.select().from(operations);
    await provisionFromDelivery(
      world.db,
      await storedDelivery('stranger/elsewhere', open.number),
      world.clients,
    );
    expect(await world.db.select().from(operations)).toHaveLength(before.length);
  });
});

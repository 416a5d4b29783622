import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { deployments } from '@/db/schema';
import { createVercelClient } from '@/lib/providers/vercel/client';
import { runSync } from '@/lib/sync/run-sync';
import { vercelDeploymentsJob } from '@/lib/sync/vercel-deployments';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { createEnvironment, createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';
import { VERCEL_PROJECT_ID, VERCEL_TOKEN } from './support';

let handle: DatabaseHandle;
let sandbox: VercelSandbox;

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startVercelSandbox({ token: VERCEL_TOKEN, webhookSecret: 'unused', seed: 4 });
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

/**
 * A fetch that removes `field` from the listed deployment `uid`, as an answer Vercel's own
 * model would not allow but a real API might one day send.
 */
function withoutField(uid: string, field: string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!new URL(new Request(input).url).pathname.startsWith('/v7/deployments')) return response;
    const body = (await response.json()) as { deployments: Record<string, unknown>[] };
    for (const item of body.deployments) if (item.uid === uid) delete item[field];
    return Response.json(body, { status: response.status, headers: response.headers });
  };
}

describe('vercel.deployments with a deployment it cannot read', () => {
  it('names that one deployment in the run’s errors and stores the others', async () => {
    const db = handle.db;
    sandbox.store.addProject({ id: VERCEL_PROJECT_ID, name: 'shop' });
    const project = await createProject(db, { vercelProjectId: VERCEL_PROJECT_ID });
    await createEnvironment(db, project, {
      kind: 'production',
      slug: 'production',
      gitBranch: 'main',
    });
    await createEnvironment(db, project, { kind: 'preview', slug: 'pr-1', gitBranch: 'feat/x' });
    const commit = (branch: string, sha: string) => ({
      githubCommitRef: branch,
      githubCommitSha: sha,
    });
    const add = (target: 'production' | null, branch: string, sha: string) =>
      sandbox.store.addDeployment({
        projectId: VERCEL_PROJECT_ID,
        target,
        meta: commit(branch, sha),
      });
    const production = add('production', 'main', 'a'.repeat(40));
    const preview = add(null, 'feat/x', 'b'.repeat(40));
    const broken = add(null, 'feat/x', 'c'.repeat(40));
    const client = createVercelClient(
      { baseUrl: sandbox.baseUrl, token: VERCEL_TOKEN },
      { fetch: withoutField(broken.id, 'url') },
    );

    const run = await runSync(db, vercelDeploymentsJob({ vercel: client }, project));

    expect(run.status).toBe('succeeded');
    expect(run.errors).toEqual([
      expect.stringMatching(new RegExp(`^deployment ${broken.id}: url: `)),
    ]);
    const stored = await db.select().from(deployments).where(eq(deployments.projectId, project.id));
    expect(stored.map((row) => row.vercelId).sort()).toEqual([production.id, preview.id].sort());
  });
});

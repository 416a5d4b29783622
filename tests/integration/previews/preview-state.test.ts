import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listEnvironments } from '@/db/queries/environments';
import { listPreviews } from '@/db/queries/previews';
import type { Project } from '@/db/schema';
import { setCurrentDeployment } from '@/db/writes';
import * as f from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  project = await f.createProject(handle.db);
});
afterAll(() => handle.close());

async function stateOnBothPages(slug: string) {
  const previews = await listPreviews(handle.db, project.id, { tab: 'open' }, { limit: 50 });
  const environments = await listEnvironments(
    handle.db,
    project.id,
    { deleted: false },
    { limit: 50 },
  );
  return {
    previews: previews.rows.find((row) => row.environment?.slug === slug)?.environment?.state,
    environments: environments.rows.find((row) => row.slug === slug)?.state,
  };
}

describe('a preview’s state', () => {
  it('is the same on Previews and Environments when its newest build failed while an older one serves', async () => {
    const { db } = handle;
    const pullRequest = await f.createPullRequest(db, project, { number: 1288 });
    const preview = await f.createEnvironment(db, project, {
      slug: 'pr-1288',
      pullRequestId: pullRequest.id,
      gitBranch: pullRequest.headBranch,
    });
    const [served] = await f.createDeployments(db, preview, [
      { state: 'ready', providerCreatedAt: f.at(0) },
      { state: 'error', providerCreatedAt: f.at(30) },
    ]);
    await setCurrentDeployment(db, preview.id, served!.id, f.at(1));

    expect(await stateOnBothPages('pr-1288')).toEqual({
      previews: 'error',
      environments: 'error',
    });
  });

  it('reads deleted on both pages once the preview is deleted, whatever its builds were', async () => {
    const { db } = handle;
    const pullRequest = await f.createPullRequest(db, project, { number: 1289 });
    const preview = await f.createEnvironment(db, project, {
      slug: 'pr-1289',
      pullRequestId: pullRequest.id,
      gitBranch: pullRequest.headBranch,
      status: 'deleted',
      deletedAt: f.at(60),
    });
    await f.createDeployments(db, preview, [{ state: 'ready', providerCreatedAt: f.at(0) }]);
    const previews = await listPreviews(db, project.id, { tab: 'open' }, { limit: 50 });
    const environments = await listEnvironments(db, project.id, { deleted: true }, { limit: 50 });
    expect(
      previews.rows.find((row) => row.environment?.slug === 'pr-1289')?.environment?.state,
    ).toBe('deleted');
    expect(environments.rows.find((row) => row.slug === 'pr-1289')?.state).toBe('deleted');
  });
});

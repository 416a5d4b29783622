import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { deleteProject } from '@/db/writes';
import {
  forgetProjects,
  projectForRepository,
  projectForVercelProject,
} from '@/lib/webhooks/project-lookup';
import { createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

let handle: DatabaseHandle;
const db = () => handle.db;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());
beforeEach(() => forgetProjects());

describe('the project a delivery names', () => {
  test('is found by repository whatever its case, then kept until forgotten', async () => {
    const project = await createProject(db(), { githubOwner: 'Acme', githubRepo: 'Kept' });
    expect((await projectForRepository(db(), 'acme/kept'))?.id).toBe(project.id);

    await deleteProject(db(), project.slug);
    expect((await projectForRepository(db(), 'ACME/KEPT'))?.id).toBe(project.id);
    forgetProjects();
    expect(await projectForRepository(db(), 'acme/kept')).toBeUndefined();
  });

  test('not finding one is not kept: a project connected next gets the next delivery', async () => {
    expect(await projectForRepository(db(), 'acme/later')).toBeUndefined();
    const project = await createProject(db(), { githubOwner: 'acme', githubRepo: 'later' });
    expect((await projectForRepository(db(), 'acme/later'))?.id).toBe(project.id);
  });

  test('is found by Vercel project id the same way', async () => {
    expect(await projectForVercelProject(db(), 'prj_later')).toBeUndefined();
    const project = await createProject(db(), { vercelProjectId: 'prj_later' });
    expect((await projectForVercelProject(db(), 'prj_later'))?.id).toBe(project.id);
    await deleteProject(db(), project.slug);
    expect((await projectForVercelProject(db(), 'prj_later'))?.id).toBe(project.id);
  });
});

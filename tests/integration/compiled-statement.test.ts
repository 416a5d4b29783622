import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { compiledPerShape, compiledStatement } from '@/db/compiled-statement';
import { environments, type NewEnvironment, type Project, projects } from '@/db/schema';
import { createProject } from '../support/factories';
import { createTestDatabase, currentTestDriver } from '../support/test-database';

const driver = currentTestDriver();
let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  project = await createProject(handle.db, { slug: 'compiled' });
});

afterAll(async () => {
  await handle?.close();
});

const insertEnvironment = compiledPerShape<NewEnvironment, typeof environments.$inferSelect>(
  (db, values) => db.insert(environments).values(values).returning(),
);

const environmentWithProject = compiledStatement<{
  slug: string;
  project: { slug: string } | null;
}>((db) =>
  db
    .select({ slug: environments.slug, project: { slug: projects.slug } })
    .from(environments)
    .leftJoin(projects, eq(projects.id, sql.placeholder('projectId')))
    .where(eq(environments.slug, sql.placeholder('slug'))),
);

describe(`a compiled statement on ${driver}`, () => {
  test('writes what drizzle would: given values encoded, absent keys their column default', async () => {
    const expiresAt = new Date('2026-12-01T10:00:00.000Z');
    const [row] = await insertEnvironment(handle.db, {
      projectId: project.id,
      kind: 'preview',
      slug: 'pr-1',
      name: 'PR #1',
      gitBranch: 'feature/one',
      expiresAt,
    });
    expect(row).toMatchObject({ slug: 'pr-1', gitBranch: 'feature/one', status: 'active' });
    expect(row!.expiresAt).toEqual(expiresAt);
    expect(row!.pinned).toBe(false);
  });

  test('takes null for a nullable column in its own shape, beside the shape that sets it', async () => {
    const [withoutExpiry] = await insertEnvironment(handle.db, {
      projectId: project.id,
      kind: 'preview',
      slug: 'pr-2',
      name: 'PR #2',
      gitBranch: 'feature/two',
      expiresAt: null,
    });
    const [withExpiry] = await insertEnvironment(handle.db, {
      projectId: project.id,
      kind: 'preview',
      slug: 'pr-3',
      name: 'PR #3',
      gitBranch: 'feature/three',
      expiresAt: new Date('2026-12-02T00:00:00.000Z'),
    });
    expect(withoutExpiry!.expiresAt).toBeNull();
    expect(withExpiry!.expiresAt).toEqual(new Date('2026-12-02T00:00:00.000Z'));
  });

  test('runs inside a transaction, whose rollback takes its write back', async () => {
    await handle.db
      .transaction(async (tx) => {
        await insertEnvironment(tx, {
          projectId: project.id,
          kind: 'preview',
          slug: 'pr-rolled-back',
          name: 'PR rolled back',
          gitBranch: 'feature/gone',
        });
        const [seen] = await environmentWithProject(tx, {
          projectId: project.id,
          slug: 'pr-rolled-back',
        });
        expect(seen?.slug).toBe('pr-rolled-back');
        tx.rollback();
      })
      .catch(() => undefined);
    expect(
      await environmentWithProject(handle.db, { projectId: project.id, slug: 'pr-rolled-back' }),
    ).toEqual([]);
  });

  test('reads a left join that found nothing as null, as drizzle does', async () => {
    const [found] = await environmentWithProject(handle.db, {
      projectId: project.id,
      slug: 'pr-1',
    });
    const [missing] = await environmentWithProject(handle.db, { projectId: -1, slug: 'pr-1' });
    expect(found).toEqual({ slug: 'pr-1', project: { slug: 'compiled' } });
    expect(missing).toEqual({ slug: 'pr-1', project: null });
  });
});

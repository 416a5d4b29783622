import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { projects } from '@/db/schema';
import {
  findProjectByUploadToken,
  hashUploadToken,
  issueUploadToken,
  projectForNewToken,
} from '@/lib/test-reports/upload-token';
import { createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

let handle: DatabaseHandle;

beforeAll(async () => {
  // Without a slug, ENVBOARD_PROJECT would name the project: these tests are about no slug.
  delete process.env.ENVBOARD_PROJECT;
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

describe('upload tokens', () => {
  test('a new project has none; the only project is the one a token is for', async () => {
    await expect(projectForNewToken(handle.db)).rejects.toThrow(/^No project yet/);
    const only = await createProject(handle.db, { slug: 'only-shop' });
    expect((await projectForNewToken(handle.db)).id).toBe(only.id);
    expect(await findProjectByUploadToken(handle.db, 'envb_ingest_anything')).toBeUndefined();
  });

  test('only the hash is stored; each project finds its own; a new token revokes the old', async () => {
    const shop = await createProject(handle.db, { slug: 'token-shop' });
    const blog = await createProject(handle.db, { slug: 'token-blog' });
    const shopToken = await issueUploadToken(handle.db, shop);
    const blogToken = await issueUploadToken(handle.db, blog);

    const [stored] = await handle.db.select().from(projects).where(eq(projects.id, shop.id));
    expect(stored!.uploadTokenHash).toBe(hashUploadToken(shopToken));
    expect(stored!.uploadTokenHash).not.toContain(shopToken);
    expect((await findProjectByUploadToken(handle.db, shopToken))?.slug).toBe('token-shop');
    expect((await findProjectByUploadToken(handle.db, blogToken))?.slug).toBe('token-blog');
    expect(await findProjectByUploadToken(handle.db, undefined)).toBeUndefined();

    const replacement = await issueUploadToken(handle.db, shop);
    expect(await findProjectByUploadToken(handle.db, shopToken)).toBeUndefined();
    expect((await findProjectByUploadToken(handle.db, replacement))?.id).toBe(shop.id);
  });

  test('with several projects, the slug decides, and a missing slug lists the choices', async () => {
    expect((await projectForNewToken(handle.db, 'token-blog')).slug).toBe('token-blog');
    await expect(projectForNewToken(handle.db, 'nope')).rejects.toThrow(
      'No project with the slug "nope".',
    );
    await expect(projectForNewToken(handle.db)).rejects.toThrow(
      /^Several projects \(only-shop, token-shop, token-blog\): name one/,
    );
  });
});

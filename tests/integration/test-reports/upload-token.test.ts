import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { hashApiToken, verifyApiToken } from '@/lib/auth/api-tokens';
import {
  issueUploadToken,
  projectForNewToken,
  UPLOAD_TOKEN_NAME,
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

describe('upload tokens (npm run upload-token)', () => {
  test('a new project has none; the only project is the one a token is for', async () => {
    await expect(projectForNewToken(handle.db)).rejects.toThrow(/^No project yet/);
    const only = await createProject(handle.db, { slug: 'only-shop' });
    expect((await projectForNewToken(handle.db)).id).toBe(only.id);
    expect(await verifyApiToken(handle.db, 'envb_ingest_anything', new Date())).toBeUndefined();
  });

  test('are API tokens with the report scope: only the hash is stored, each for its project', async () => {
    const shop = await createProject(handle.db, { slug: 'token-shop' });
    const blog = await createProject(handle.db, { slug: 'token-blog' });
    const shopToken = await issueUploadToken(handle.db, shop);
    const blogToken = await issueUploadToken(handle.db, blog);
    expect(shopToken).toMatch(/^envb_api_/);

    const [stored] = await handle.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.projectId, shop.id));
    expect(stored).toMatchObject({
      name: UPLOAD_TOKEN_NAME,
      scopes: ['report'],
      tokenHash: hashApiToken(shopToken),
      lastFour: shopToken.slice(-4),
      expiresAt: null,
    });
    expect(JSON.stringify(stored)).not.toContain(shopToken);
    expect((await verifyApiToken(handle.db, shopToken, new Date()))?.projectId).toBe(shop.id);
    expect((await verifyApiToken(handle.db, blogToken, new Date()))?.projectId).toBe(blog.id);
    expect(await verifyApiToken(handle.db, undefined, new Date())).toBeUndefined();

    // Another token leaves the first one working: admins revoke on the API tokens page.
    const second = await issueUploadToken(handle.db, shop);
    expect((await verifyApiToken(handle.db, shopToken, new Date()))?.projectId).toBe(shop.id);
    expect((await verifyApiToken(handle.db, second, new Date()))?.projectId).toBe(shop.id);
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

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteListedOrphansAction } from '@/app/(board)/cleanup/actions';
import { listOperations } from '@/db/queries/audit';
import { environments } from '@/db/schema';
import type { Role } from '@/lib/domain/roles';
import { planCleanup } from '@/lib/operations/cleanup-plan';
import { signedInMember } from '@/tests/support/session';
import {
  closeAtGitHub,
  neonBranchNames,
  previewBuild,
  provisionedPreview,
  SETTINGS,
  syncPullRequests,
} from '../operations/cleanup-support';
import { createWorld, NEON_PROJECT, REPO, TOKEN, type World } from '../operations/world';
import { useCronEnvironment } from '../sync/cron-env';

/** The cookie the next request carries: server actions read the session from next/headers. */
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', async () => {
  const { RequestCookies } = await import('next/dist/compiled/@edge-runtime/cookies');
  const requestHeaders = () => new Headers(request.cookie ? { cookie: request.cookie } : {});
  return {
    headers: async () => requestHeaders(),
    cookies: async () => new RequestCookies(requestHeaders()),
  };
});
// Revalidation needs a Next.js request store; the action's work is what is under test.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

let world: World;
let restore: () => void;
let late: { id: string };

beforeAll(async () => {
  world = await createWorld();
  restore = useCronEnvironment(world.handle, {
    GITHUB_API_URL: world.github.baseUrl,
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: `${REPO.owner}/${REPO.name}`,
    VERCEL_API_URL: world.vercel.baseUrl,
    VERCEL_TOKEN: TOKEN,
    NEON_API_URL: world.neon.apiUrl,
    NEON_API_KEY: TOKEN,
    NEON_PROJECT_ID: NEON_PROJECT,
  });
  // A closed pull request whose preview went, leaving its Neon branch and a late build.
  const gone = await provisionedPreview(world, 'feature-left');
  closeAtGitHub(world, gone.pr.number);
  await world.db
    .update(environments)
    .set({ status: 'deleted', dbBranchId: null })
    .where(eq(environments.id, gone.environment.id));
  late = previewBuild(world, 'feature-left');
  await syncPullRequests(world);
});
afterAll(async () => {
  restore?.();
  await world?.close();
});
beforeEach(() => {
  request.cookie = null;
});

async function signInAs(role: Role) {
  const member = await signedInMember(world.db, world.project, role);
  request.cookie = member.cookie;
  return member.user;
}

const listed = async () =>
  (await planCleanup(world.db, world.clients, world.project, new Date(), SETTINGS)).candidates.map(
    (candidate) => candidate.key,
  );
const form = (keys: readonly string[]) => {
  const data = new FormData();
  // As a browser sends the hidden field: its line breaks as CRLF.
  data.set('keys', keys.join('\r\n'));
  return data;
};
const cleanupOperations = () =>
  world.db.query.operations.findMany({ where: (o, { eq: is }) => is(o.kind, 'cleanup') });

describe('delete listed orphans now (admins only)', () => {
  it.each(['viewer', 'developer', 'release_manager'] as const)(
    'refuses a %s on the server and deletes nothing',
    async (role) => {
      await signInAs(role);
      const result = await deleteListedOrphansAction(null, form(await listed()));
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(neonBranchNames(world)).toContain('preview/feature-left');
      expect(world.vercel.store.deployments.has(late.id)).toBe(true);
      expect(await cleanupOperations()).toEqual([]);
    },
  );

  it('refuses a request without a session', async () => {
    const result = await deleteListedOrphansAction(null, form(await listed()));
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('deletes nothing for a list that no longer qualifies', async () => {
    await signInAs('admin');
    const result = await deleteListedOrphansAction(null, form(['deployment:dpl_gone_already']));
    expect(result).toMatchObject({ ok: false, error: { code: 'nothing_to_delete' } });
    expect(await cleanupOperations()).toEqual([]);
  });

  it('deletes the listed orphans as one cleanup operation in the audit log, by the admin', async () => {
    const admin = await signInAs('admin');
    const keys = await listed();
    expect(keys).toHaveLength(2);
    const result = await deleteListedOrphansAction(null, form(keys));
    expect(result).toMatchObject({ ok: true, data: { deleted: 2, deferred: 0, errors: [] } });
    expect(neonBranchNames(world)).not.toContain('preview/feature-left');
    expect(world.vercel.store.deployments.has(late.id)).toBe(false);

    const audit = await listOperations(
      world.db,
      world.project.id,
      { action: 'cleanup' },
      {
        limit: 10,
      },
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      kind: 'cleanup',
      state: 'succeeded',
      actorLogin: admin.githubLogin,
    });
    const [row] = await cleanupOperations();
    expect(row!.actorId).toBe(admin.id);
    expect(row!.before).toMatchObject({
      deleting: keys.map((key) => expect.objectContaining({ key })),
    });
  });
});

import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '@/db/client';
import type { Project } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/actor';
import { ActionFailure, guardedAction, requireRole } from '@/lib/auth/guard';
import type { Role } from '@/lib/domain/roles';
import { createProject } from '../../support/factories';
import { signedInMember } from '../../support/session';
import { createTestDatabase } from '../../support/test-database';
import { captureLogLines } from '@/tests/support/captured-logs';

let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  project = await createProject(handle.db);
});

afterAll(async () => {
  await handle?.close();
});

/** The actor as the session would resolve it: a real member, read back from the database. */
async function actorWith(role: Role): Promise<() => Promise<Actor | null>> {
  const { user } = await signedInMember(handle.db, project, role);
  return () => loadActor(handle.db, user.githubId!);
}
const nobody = async () => null;

const reseedSchema = z.object({ environment: z.string().min(1), confirm: z.coerce.boolean() });

function reseedAction(resolveActor: () => Promise<Actor | null>, work = vi.fn()) {
  work.mockImplementation(async (input: z.output<typeof reseedSchema>, actor: Actor) => ({
    environment: input.environment,
    by: actor.login,
  }));
  return { action: guardedAction(reseedSchema, 'developer', work, resolveActor), work };
}

describe('guardedAction', () => {
  test('runs the work with the parsed input and the actor, and returns its data', async () => {
    const resolve = await actorWith('developer');
    const { action } = reseedAction(resolve);
    const form = new FormData();
    form.set('environment', 'pr-7');
    form.set('confirm', 'on');
    const result = await action(form);
    expect(result).toEqual({
      ok: true,
      data: { environment: 'pr-7', by: (await resolve())!.login },
    });
  });

  test('refuses input that does not parse before looking at the session', async () => {
    const { action, work } = reseedAction(nobody);
    const result = await action({ environment: '', confirm: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.issues?.[0]?.path).toBe('environment');
    expect(work).not.toHaveBeenCalled();
  });

  test('without a session: unauthenticated, and the work never runs', async () => {
    const { action, work } = reseedAction(nobody);
    expect(await action({ environment: 'pr-7', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(work).not.toHaveBeenCalled();
  });

  test('with too weak a role: forbidden, and the work never runs', async () => {
    const { action, work } = reseedAction(await actorWith('viewer'));
    const result = await action({ environment: 'pr-7', confirm: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!result.ok && result.error.message).toContain('Developer');
    expect(work).not.toHaveBeenCalled();
  });

  test('an ActionFailure from the work comes back as its code and message', async () => {
    const action = guardedAction(
      reseedSchema,
      'developer',
      async () => {
        throw new ActionFailure('locked', 'Another operation is running on pr-7.');
      },
      await actorWith('admin'),
    );
    expect(await action({ environment: 'pr-7', confirm: true })).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Another operation is running on pr-7.' },
    });
  });

  test('an unexpected error is logged and comes back as a generic internal_error', async () => {
    const logs = captureLogLines();
    const action = guardedAction(
      reseedSchema,
      'developer',
      async () => {
        throw new Error('password authentication failed for user neondb_owner');
      },
      await actorWith('developer'),
    );
    const result = await action({ environment: 'pr-7', confirm: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(result)).not.toContain('neondb_owner');
    logs.restore();
    expect(logs.errors()).toHaveLength(1);
  });
});

describe('requireRole', () => {
  const redirectTarget = async (promise: Promise<unknown>) => {
    const error = (await promise.then(
      () => null,
      (thrown: unknown) => thrown,
    )) as { digest?: string } | null;
    // next/navigation's redirect() throws an error whose digest carries the target.
    return error?.digest?.split(';')[2];
  };

  test('returns the actor whose role is strong enough', async () => {
    const resolve = await actorWith('release_manager');
    expect((await requireRole('developer', resolve)).role).toBe('release_manager');
  });

  test('sends a visitor without a session to the sign-in page', async () => {
    expect(await redirectTarget(requireRole('viewer', nobody))).toBe('/signin');
  });

  test('sends too weak a role to the forbidden page, naming the role needed', async () => {
    const resolve = await actorWith('developer');
    expect(await redirectTarget(requireRole('admin', resolve))).toBe('/forbidden?role=admin');
  });
});

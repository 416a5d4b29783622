'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { CreateTokenState, RevokeTokenState } from '@/components/admin/api-token-types';
import { getDatabase } from '@/db/client';
import { ActionFailure, guardedAction } from '@/lib/auth';
import { issueApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { API_TOKEN_EXPIRIES, API_TOKEN_SCOPES, apiTokenExpiresAt } from '@/lib/domain/api-tokens';
import { rowIdSchema } from '@/lib/domain/row-id';

/** Admins only: create a project API token (shown once) and revoke one; both audited. */

const createInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the token a name, e.g. ci-deploy.')
    .max(60, 'A name is at most 60 characters.')
    .regex(/^[\w .:/-]+$/, 'Use letters, digits, spaces and . _ - : / only.'),
  // Plain strings in, so the form's checkbox values are parsed here rather than cast.
  scopes: z
    .array(z.string())
    .pipe(z.array(z.enum(API_TOKEN_SCOPES)).min(1, 'Pick at least one scope.'))
    .transform((scopes) => API_TOKEN_SCOPES.filter((scope) => scopes.includes(scope))),
  expiry: z.string().pipe(z.enum(API_TOKEN_EXPIRIES)),
});

const createToken = guardedAction(createInput, 'admin', async (input, actor) => {
  const now = new Date();
  const { token, record } = await issueApiToken(getDatabase(), {
    projectId: actor.projectId,
    name: input.name,
    scopes: input.scopes,
    expiresAt: apiTokenExpiresAt(input.expiry, now),
    createdBy: actor.login,
    actorId: actor.userId,
    now,
  });
  revalidatePath('/tokens');
  return { token, name: record.name };
});

/** The form's `scope` checkboxes arrive as one value each: collect them before parsing. */
export async function createApiTokenAction(
  _state: CreateTokenState,
  form: FormData,
): Promise<CreateTokenState> {
  return createToken({
    name: String(form.get('name') ?? ''),
    scopes: form.getAll('scope').map(String),
    expiry: String(form.get('expiry') ?? ''),
  });
}

const revokeToken = guardedAction(
  z.object({ tokenId: rowIdSchema }),
  'admin',
  async ({ tokenId }, actor) => {
    const revoked = await revokeApiToken(getDatabase(), {
      projectId: actor.projectId,
      tokenId,
      actorId: actor.userId,
      now: new Date(),
    });
    if (!revoked) {
      throw new ActionFailure('not_found', 'No live token of this project has that id.');
    }
    revalidatePath('/tokens');
    return { name: revoked.name };
  },
);

export async function revokeApiTokenAction(
  _state: RevokeTokenState,
  form: FormData,
): Promise<RevokeTokenState> {
  return revokeToken(form);
}

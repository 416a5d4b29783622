import 'server-only';
import { getDatabase } from '@/db/client';
import type { Actor } from '@/lib/domain/actor';
import { type ApiTokenScope, apiTokenRole } from '@/lib/domain/api-tokens';
import type { Role } from '@/lib/domain/roles';
import { bearerToken, scopesOf, tokenActorName, verifyApiToken } from './api-tokens';
import { checkRole } from './check-role';
import { getRequestCaller } from './session';

/** Why an API request may not go on, as the route answers it. */
export interface RequestRefusal {
  status: 401 | 403;
  code: 'unauthenticated' | 'invalid_token' | 'forbidden' | 'insufficient_scope';
  message: string;
}

/**
 * The one decision for every /api/v1 route: who is calling, and may they. A caller is either a
 * project API token (`Authorization: Bearer envb_api_…`, checked first, and never falling back
 * to the session when it is wrong) or a session member. A token must hold `scope` and acts on
 * its own project; a session must hold `role`. Both are then held to `role`, since a token acts
 * with the role its scopes give (lib/domain/api-tokens).
 */
export async function authorizeRequest(
  request: Request,
  needs: { role: Role; scope: ApiTokenScope },
): Promise<{ actor: Actor } | RequestRefusal> {
  const header = request.headers.get('authorization');
  if (header === null) {
    const caller = await getRequestCaller(request);
    const refused = checkRole(caller, needs.role);
    return refused ?? { actor: caller as Actor };
  }
  const token = await verifyApiToken(getDatabase(), bearerToken(header), new Date());
  if (!token) {
    return {
      status: 401,
      code: 'invalid_token',
      message:
        "A valid API token is required: 'Authorization: Bearer envb_api_…'. This one is unknown, revoked or expired.",
    };
  }
  const scopes = scopesOf(token);
  if (!scopes.includes(needs.scope)) {
    return {
      status: 403,
      code: 'insufficient_scope',
      message: `This token lacks the ${needs.scope} scope; it has ${scopes.join(', ') || 'none'}.`,
    };
  }
  const actor: Actor = {
    userId: 0,
    githubId: null,
    login: tokenActorName(token),
    name: tokenActorName(token),
    avatarUrl: null,
    role: apiTokenRole(scopes),
    projectId: token.projectId,
    tokenId: token.id,
  };
  return checkRole(actor, needs.role) ?? { actor };
}

/** A refusal as the JSON error the API answers with; a 401 says how to authenticate. */
export function isRefusal(value: { actor: Actor } | RequestRefusal): value is RequestRefusal {
  return 'status' in value;
}

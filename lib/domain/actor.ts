import type { Role } from './roles';

/**
 * Who is asking: the signed-in user and their role on the board's project, read fresh on every
 * request, or a project API token. Operations record who did it (`operationActor`) and check
 * `role` themselves; every target they load by id must belong to `projectId`.
 */
export interface Actor {
  /** The user; 0 for an API token, which is no user (`tokenId` says which token). */
  userId: number;
  /** GitHub's numeric user id: who the session is. Null until a legacy row's first sign-in. */
  githubId: number | null;
  login: string;
  name: string;
  avatarUrl: string | null;
  role: Role;
  projectId: number;
  /**
   * Set when an API token is asking rather than a person: its id, recorded as the operation's
   * `actorTokenId`. `name` is then "API token <name>" and `role` follows its scopes.
   */
  tokenId?: number;
}

/** The columns an operation row records its actor in: a person or an API token, never both. */
export function operationActor(actor: Pick<Actor, 'userId' | 'tokenId'>): {
  actorId: number | null;
  actorTokenId: number | null;
} {
  return actor.tokenId === undefined
    ? { actorId: actor.userId, actorTokenId: null }
    : { actorId: null, actorTokenId: actor.tokenId };
}

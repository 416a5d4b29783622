import type { Role } from './roles';

/**
 * Who is asking: the signed-in user and their role on the board's project, read fresh on every
 * request. Operations record `userId` as who did it and check `role` themselves; every target
 * they load by id must belong to `projectId`.
 */
export interface Actor {
  userId: number;
  /** GitHub's numeric user id: who the session is. Null until a legacy row's first sign-in. */
  githubId: number | null;
  login: string;
  name: string;
  avatarUrl: string | null;
  role: Role;
  projectId: number;
}

import 'server-only';
import type { Database } from '@/db/client';
import type { Project } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { findProjectMember } from './members';

/**
 * Who a valid session belongs to: an Actor, or a person envboard knows who holds no role on the
 * project (never had one, or it was taken back). The second is refused with 403, not sent to
 * sign in again: they are who they say, they just may not look.
 */
export type Caller = Actor | RolelessCaller;

export interface RolelessCaller {
  userId: number;
  login: string;
  name: string;
  role: null;
}

/** A session's view of the board: its project and the signed-in caller on it. */
export interface SessionView {
  project: Project | undefined;
  caller: Caller | null;
}

/**
 * The project and the caller for a session's GitHub user id, in one round trip. The caller is
 * null when the user is unknown or there is no project yet, and role-less when their membership
 * is gone: a role taken away takes effect on the next request, not at the session's expiry.
 */
export async function loadSessionView(db: Database, githubId: number): Promise<SessionView> {
  const { project, member, user } = await findProjectMember(db, githubId);
  if (!project || !user) return { project, caller: null };
  const caller: Caller = member
    ? { ...member, projectId: project.id }
    : { userId: user.userId, login: user.login, name: user.name, role: null };
  return { project, caller };
}

/** The caller for a session's GitHub user id (loadSessionView's caller). */
export async function loadCaller(db: Database, githubId: number): Promise<Caller | null> {
  return (await loadSessionView(db, githubId)).caller;
}

/** The caller when they hold a role, else null. */
export function actorOf(caller: Caller | null): Actor | null {
  return caller && caller.role !== null ? caller : null;
}

/** The actor for a session's GitHub user id: null without a role. */
export async function loadActor(db: Database, githubId: number): Promise<Actor | null> {
  return actorOf(await loadCaller(db, githubId));
}

import 'server-only';
import type { Database } from '@/db/client';
import type { Project } from '@/db/schema';
import { findProjectMember, type Member } from './members';

/** Who is asking: the signed-in user and their role on the board's project, read fresh. */
export interface Actor extends Member {
  projectId: number;
}

/** A session's view of the board: its project and the signed-in actor on it. */
export interface SessionView {
  project: Project | undefined;
  actor: Actor | null;
}

/**
 * The project and the actor for a session's GitHub login, in one round trip. The actor is null
 * when the user or their membership is gone (or there is no project yet): a role taken away
 * takes effect on the next request, not at the session's expiry.
 */
export async function loadSessionView(db: Database, login: string): Promise<SessionView> {
  const { project, member } = await findProjectMember(db, login);
  return { project, actor: project && member ? { ...member, projectId: project.id } : null };
}

/** The actor for a session's GitHub login (loadSessionView's actor). */
export async function loadActor(db: Database, login: string): Promise<Actor | null> {
  return (await loadSessionView(db, login)).actor;
}

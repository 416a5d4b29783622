import 'server-only';
import type { Database } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { findMember, type Member } from './members';

/** Who is asking: the signed-in user and their role on the board's project, read fresh. */
export interface Actor extends Member {
  projectId: number;
}

/**
 * The actor for a session's GitHub login. Null when the user or their membership is gone (or
 * there is no project yet): a role taken away takes effect on the next request, not at the
 * session's expiry.
 */
export async function loadActor(db: Database, login: string): Promise<Actor | null> {
  const project = await getCurrentProject(db);
  if (!project) return null;
  const member = await findMember(db, project.id, login);
  return member ? { ...member, projectId: project.id } : null;
}

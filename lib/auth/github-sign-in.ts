import 'server-only';
import type { Database } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { setMembership, upsertUser } from '@/db/writes';
import { findMember } from './members';
import { roleFromTeams, type GitHubTeam, type TeamRole } from './team-roles';

export interface GitHubIdentity {
  login: string;
  name: string | null | undefined;
  email: string | null | undefined;
  avatarUrl: string | null | undefined;
}

/**
 * Whether a GitHub user may sign in, recording them when they may. With GITHUB_TEAM_ROLES set,
 * the strongest role their teams map to is written to their membership at every sign-in (a role
 * granted by hand stays when no team maps). A user with no membership after that is refused:
 * signing in with GitHub alone gives no access to the board.
 */
export async function admitGitHubUser(
  db: Database,
  identity: GitHubIdentity,
  teamRoles: readonly TeamRole[],
  readTeams: () => Promise<GitHubTeam[]>,
): Promise<boolean> {
  const project = await getCurrentProject(db);
  if (!project) return false;
  const teamRole = teamRoles.length > 0 ? roleFromTeams(teamRoles, await readTeams()) : undefined;
  const member = await findMember(db, project.id, identity.login);
  if (!member && !teamRole) return false;
  const user = await upsertUser(db, {
    githubLogin: identity.login,
    name: identity.name || identity.login,
    email: identity.email ?? null,
    avatarUrl: identity.avatarUrl ?? null,
  });
  if (teamRole) await setMembership(db, { userId: user.id, projectId: project.id, role: teamRole });
  return true;
}

import 'server-only';
import type { Database } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { claimLegacyUser, findMembership, upsertUser } from '@/db/writes';
import { findUserByGitHubId } from './users';
import { applyTeamGrant } from './team-membership';
import { grantFromTeams, type GitHubTeam, type TeamRole } from './team-roles';

export interface GitHubIdentity {
  /** GitHub's numeric user id: who the person is, whatever their login is today. */
  githubId: number;
  login: string;
  name: string | null | undefined;
  email: string | null | undefined;
  avatarUrl: string | null | undefined;
}

/**
 * Whether a GitHub user may sign in, recording them when they may. The person is matched on
 * their numeric id, and their login, name and avatar are refreshed from GitHub. With
 * GITHUB_TEAM_ROLES set, their team-given role is recomputed from the teams they are in now
 * (added, raised, lowered or removed; a role given by hand stays). A user with no membership
 * after that is refused: signing in with GitHub alone gives no access to the board.
 */
export async function admitGitHubUser(
  db: Database,
  identity: GitHubIdentity,
  teamRoles: readonly TeamRole[],
  readTeams: () => Promise<GitHubTeam[]>,
  now = new Date(),
): Promise<boolean> {
  const project = await getCurrentProject(db);
  if (!project) return false;
  const grant = teamRoles.length > 0 ? grantFromTeams(teamRoles, await readTeams()) : undefined;
  const known =
    (await findUserByGitHubId(db, identity.githubId)) ??
    (await claimLegacyUser(db, identity.githubId, identity.login));
  if (!known && !grant) return false;
  const user = await upsertUser(db, {
    githubId: identity.githubId,
    githubLogin: identity.login,
    name: identity.name || identity.login,
    email: identity.email ?? null,
    avatarUrl: identity.avatarUrl ?? null,
  });
  if (teamRoles.length > 0) {
    await applyTeamGrant(db, {
      projectId: project.id,
      user: { id: user.id, login: user.githubLogin },
      grant,
      now,
    });
  }
  return (await findMembership(db, user.id, project.id)) !== undefined;
}

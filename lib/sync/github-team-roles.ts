import type { Project } from '@/db/schema';
import { syncTeamRoles } from '@/lib/auth/team-role-sync';
import { parseTeamRoles } from '@/lib/auth/team-roles';
import type { GitHubClient } from '@/lib/providers/github/types';
import { emptyTally, type SyncJob } from './sync-job';

export const GITHUB_TEAM_ROLES = 'github.team_roles';

/**
 * Takes back, lowers or raises team-given roles from GITHUB_TEAM_ROLES by reading each mapped
 * team's members through the GitHub API with the app's token (one paged list per team), so a
 * person who leaves a team loses its role within one cron interval, signed in or not. Without a
 * mapping it does nothing and calls nothing.
 */
export function githubTeamRolesJob(
  clients: { github: GitHubClient },
  project: Project,
  env: Record<string, string | undefined>,
): SyncJob {
  return {
    kind: GITHUB_TEAM_ROLES,
    callsSpent: () =>
      parseTeamRoles(env.GITHUB_TEAM_ROLES).length ? clients.github.usage().requests : 0,
    work: async ({ db, now }) => {
      const mapping = parseTeamRoles(env.GITHUB_TEAM_ROLES);
      if (mapping.length === 0) return emptyTally();
      const result = await syncTeamRoles(db, {
        projectId: project.id,
        mapping,
        listTeamMembers: (org, team) => clients.github.listTeamMembers(org, team),
        now,
      });
      return { ...emptyTally(), itemsSeen: result.seen, itemsChanged: result.changes.length };
    },
  };
}

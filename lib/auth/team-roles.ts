import { z } from 'zod';
import { ROLES, type Role, roleRank } from '@/lib/domain/roles';

/** One `org/team:role` entry of GITHUB_TEAM_ROLES. */
export interface TeamRole {
  org: string;
  team: string;
  role: Role;
}

export interface GitHubTeam {
  org: string;
  team: string;
}

// GitHub org logins and team slugs: letters, digits, '-', '_' and '.' (slugs), compared lower-case.
const slug = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const entry = z
  .string()
  .trim()
  .regex(
    /^[^/:\s]+\/[^/:\s]+:[a-z_]+$/,
    'each entry is org/team:role, e.g. acme/release:release_manager',
  )
  .transform((value) => {
    const [path, role] = value.split(':') as [string, string];
    const [org, team] = path.split('/') as [string, string];
    return { org: org.toLowerCase(), team: team.toLowerCase(), role };
  })
  .pipe(
    z.object({
      org: z.string().regex(slug, 'the org is not a GitHub login'),
      team: z.string().regex(slug, 'the team is not a GitHub team slug'),
      role: z.enum(ROLES, { error: `the role is one of ${ROLES.join(', ')}` }),
    }),
  );

/**
 * Parses GITHUB_TEAM_ROLES ("acme/release:release_manager,acme/ops:admin"). Empty or unset means
 * no mapping. A bad entry throws with the entry and what is wrong with it.
 */
export function parseTeamRoles(value: string | undefined): TeamRole[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .filter((part) => part.trim())
    .map((part) => {
      const parsed = entry.safeParse(part);
      if (parsed.success) return parsed.data;
      const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
      throw new Error(`GITHUB_TEAM_ROLES entry "${part.trim()}" is not valid: ${reason}.`);
    });
}

/** A role a mapped team gives: `team` is its `org/team`, as the membership records it. */
export interface TeamGrant {
  role: Role;
  team: string;
}

export const teamName = ({ org, team }: GitHubTeam) => `${org}/${team}`.toLowerCase();

/**
 * The strongest role the mapping gives for the teams a user belongs to, with the team that gives
 * it (the first in the mapping among equals); undefined for none.
 */
export function grantFromTeams(
  mapping: readonly TeamRole[],
  teams: readonly GitHubTeam[],
): TeamGrant | undefined {
  const member = new Set(teams.map(teamName));
  let best: TeamGrant | undefined;
  for (const entry of mapping) {
    const team = teamName(entry);
    if (!member.has(team)) continue;
    if (!best || roleRank(entry.role) > roleRank(best.role)) best = { role: entry.role, team };
  }
  return best;
}

import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { applyTeamGrant, type MembershipChange } from './team-membership';
import { type GitHubTeam, grantFromTeams, type TeamRole } from './team-roles';

export interface TeamRoleSyncResult {
  /** People whose team-given role was looked at. */
  seen: number;
  changes: MembershipChange[];
}

/**
 * Recomputes every team-given role on a project from who is in each mapped team now, as the
 * GitHub API lists them: a person who left a team loses what it gave, one who joined a stronger
 * team is raised, and people envboard knows (they signed in once) who joined a mapped team get
 * its role. Every team is read before anything changes, so a team that cannot be read fails the
 * sync and takes nobody's role away. Roles given by hand are never touched.
 */
export async function syncTeamRoles(
  db: Database,
  input: {
    projectId: number;
    mapping: readonly TeamRole[];
    listTeamMembers: (org: string, team: string) => Promise<{ id: number }[]>;
    now: Date;
  },
): Promise<TeamRoleSyncResult> {
  const { projectId, mapping, now } = input;
  const teamsOf = new Map<number, GitHubTeam[]>();
  for (const team of distinctTeams(mapping)) {
    for (const member of await input.listTeamMembers(team.org, team.team)) {
      teamsOf.set(member.id, [...(teamsOf.get(member.id) ?? []), team]);
    }
  }
  const people = await candidates(db, projectId, [...teamsOf.keys()]);
  const changes: MembershipChange[] = [];
  for (const person of people) {
    const teams = person.githubId === null ? [] : (teamsOf.get(person.githubId) ?? []);
    const change = await applyTeamGrant(db, {
      projectId,
      user: { id: person.id, login: person.login },
      grant: grantFromTeams(mapping, teams),
      now,
    });
    if (change) changes.push(change);
  }
  return { seen: people.length, changes };
}

function distinctTeams(mapping: readonly TeamRole[]): GitHubTeam[] {
  const seen = new Map(mapping.map(({ org, team }) => [`${org}/${team}`, { org, team }]));
  return [...seen.values()];
}

/** Holders of a team-given role on the project, and known users in some mapped team. */
async function candidates(db: Database, projectId: number, teamMemberIds: number[]) {
  return db
    .selectDistinct({ id: users.id, githubId: users.githubId, login: users.githubLogin })
    .from(users)
    .leftJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.projectId, projectId)),
    )
    .where(
      or(
        eq(memberships.source, 'team'),
        teamMemberIds.length > 0 ? inArray(users.githubId, teamMemberIds) : undefined,
      ),
    )
    .orderBy(users.id);
}

import type { Role } from '@/lib/domain/roles';
import { neonProjectId, vercelProjectId, vercelTeamId } from './ids';
import type { Random } from './random';
import type { DemoProject } from './types';

export interface TeamMember {
  githubId: number;
  githubLogin: string;
  name: string;
  email: string;
  avatarUrl: string;
  role: Role;
  /** The GitHub team (`org/team`) whose mapping gives the role; absent when given by hand. */
  team?: string;
  /** How much of the team's pull requests this person opens, relative to the others. */
  share: number;
}

export const DEMO_PROJECT_SLUG = 'acme-web';
export const GITHUB_OWNER = 'acme-inc';
export const GITHUB_REPO = 'acme-web';
/** The demo org's release team, mapped to release_manager in the demo's GITHUB_TEAM_ROLES. */
export const RELEASE_TEAM = `${GITHUB_OWNER}/release`;
/** The demo's GITHUB_TEAM_ROLES: the sandbox serves the team, the team sync reads it. */
export const DEMO_TEAM_ROLES = `${RELEASE_TEAM}:release_manager`;
/** Vercel puts the team slug in every generated hostname. */
export const VERCEL_SCOPE = 'acme-inc';
export const PREVIEW_TTL_DAYS = 7;
export const MONTHLY_BUDGET_USD = 100;

export function demoProject(random: Random): DemoProject {
  return {
    slug: DEMO_PROJECT_SLUG,
    name: 'Acme Web',
    githubOwner: GITHUB_OWNER,
    githubRepo: GITHUB_REPO,
    productionBranch: 'main',
    vercelProjectId: vercelProjectId(random),
    vercelTeamId: vercelTeamId(random),
    neonProjectId: neonProjectId(random),
    monthlyBudgetUsd: MONTHLY_BUDGET_USD,
    requireApproval: true,
    // The demo's workflow is called CI (see ci.ts): the promotion gate waits for it.
    requiredChecks: ['CI'],
    previewTtlDays: PREVIEW_TTL_DAYS,
    uptimeSloPct: 99.9,
  };
}

function member(
  githubId: number,
  login: string,
  name: string,
  role: Role,
  share: number,
  team?: string,
): TeamMember {
  return {
    githubId,
    githubLogin: login,
    name,
    email: `${login.split('-')[0]}@acme.dev`,
    avatarUrl: `https://github.com/${login}.png`,
    role,
    share,
    ...(team && { team }),
  };
}

/**
 * Six people, one of each sign-in experience and more: an admin, two release managers (their
 * role comes from the org's release team), two developers who write most of the code, and a
 * viewer (a contractor whose pull requests others review and ship).
 */
export function demoTeam(): TeamMember[] {
  return [
    member(31548207, 'mara-lindqvist', 'Mara Lindqvist', 'admin', 0.5),
    member(40917365, 'daniel-okafor', 'Daniel Okafor', 'release_manager', 1, RELEASE_TEAM),
    member(52760418, 'sofia-reyes', 'Sofia Reyes', 'release_manager', 1, RELEASE_TEAM),
    member(61384092, 'tomas-havel', 'Tomás Havel', 'developer', 2),
    member(74019256, 'priya-natarajan', 'Priya Natarajan', 'developer', 2),
    member(88263571, 'leo-brandt', 'Leo Brandt', 'viewer', 1.8),
  ];
}

export function pickAuthor(random: Random, team: readonly TeamMember[]): string {
  return random.weighted(team.map((person) => [person.githubLogin, person.share] as const));
}

export function releaseManagers(team: readonly TeamMember[]): string[] {
  return team.filter((person) => person.role === 'release_manager').map((p) => p.githubLogin);
}

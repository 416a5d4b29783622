import { Octokit } from '@octokit/rest';
import { githubApiUrl } from '@/lib/settings/provider-settings';
import type { GitHubTeam } from './team-roles';

/**
 * The teams the signed-in GitHub user belongs to, read with their OAuth token (needs the read:org
 * scope). GITHUB_API_URL points it at GitHub Enterprise or the sandbox like the other clients.
 */
export async function listGitHubTeams(
  accessToken: string,
  baseUrl = githubApiUrl(),
): Promise<GitHubTeam[]> {
  const octokit = new Octokit({ auth: accessToken, baseUrl, userAgent: 'envboard' });
  const teams = await octokit.paginate(octokit.rest.teams.listForAuthenticatedUser, {
    per_page: 100,
  });
  return teams.map((team) => ({ org: team.organization.login, team: team.slug }));
}

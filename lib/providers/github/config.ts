import { z } from 'zod';

const githubEnv = z.object({
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  GITHUB_TOKEN: z.string().min(1, 'GITHUB_TOKEN is required to call the GitHub API'),
  GITHUB_REPOSITORY: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'GITHUB_REPOSITORY must be "owner/name"'),
  GITHUB_APP_SLUG: z
    .string()
    .regex(/^[a-z0-9-]+$/i, 'GITHUB_APP_SLUG must be the GitHub App\'s slug, e.g. "envboard"')
    .optional(),
});

export interface GitHubConfig {
  baseUrl: string;
  token: string;
  owner: string;
  repo: string;
  /**
   * Set when the token is a GitHub App's installation token: envboard then writes as
   * `<slug>[bot]`, which `GET /user` cannot tell an installation token.
   */
  appSlug?: string;
}

/** Reads the GitHub settings; a missing or malformed variable names itself in the error. */
export function githubConfigFromEnv(env: Record<string, string | undefined>): GitHubConfig {
  const parsed = githubEnv.parse(env);
  const [owner, repo] = parsed.GITHUB_REPOSITORY.split('/') as [string, string];
  return {
    baseUrl: parsed.GITHUB_API_URL,
    token: parsed.GITHUB_TOKEN,
    owner,
    repo,
    ...(parsed.GITHUB_APP_SLUG && { appSlug: parsed.GITHUB_APP_SLUG }),
  };
}

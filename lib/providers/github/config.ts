/** What the client needs to reach its API; lib/settings/provider-settings.ts reads it from the environment. */
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

/** What the client needs to reach its API; lib/settings/provider-settings.ts reads it from the environment. */
export interface VercelConfig {
  baseUrl: string;
  token: string;
  teamId?: string;
}

/** What the client needs to reach its API; lib/settings/provider-settings.ts reads it from the environment. */
export interface NeonConfig {
  baseUrl: string;
  apiKey: string;
  projectId: string;
  orgId?: string;
}

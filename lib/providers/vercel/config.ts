import { z } from 'zod';

const vercelEnv = z.object({
  VERCEL_API_URL: z.url().default('https://api.vercel.com'),
  VERCEL_TOKEN: z.string().min(1, 'VERCEL_TOKEN is required to call the Vercel API'),
  // Absent for a personal account; every call then acts as the token's user.
  VERCEL_TEAM_ID: z.string().min(1).optional(),
});

export interface VercelConfig {
  baseUrl: string;
  token: string;
  teamId?: string;
}

/** Reads the Vercel settings; a missing or malformed variable names itself in the error. */
export function vercelConfigFromEnv(env: Record<string, string | undefined>): VercelConfig {
  const parsed = vercelEnv.parse(env);
  return {
    baseUrl: parsed.VERCEL_API_URL,
    token: parsed.VERCEL_TOKEN,
    teamId: parsed.VERCEL_TEAM_ID,
  };
}

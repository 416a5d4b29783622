import { z } from 'zod';

const neonEnv = z.object({
  NEON_API_URL: z.url().default('https://console.neon.tech/api/v2'),
  NEON_API_KEY: z.string().min(1, 'NEON_API_KEY is required to call the Neon API'),
  NEON_PROJECT_ID: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'NEON_PROJECT_ID is not a Neon project id'),
  // Only the consumption history needs it; the branch calls work without.
  NEON_ORG_ID: z.string().min(1).optional(),
});

export interface NeonConfig {
  baseUrl: string;
  apiKey: string;
  projectId: string;
  orgId?: string;
}

/** Reads the Neon settings; a missing or malformed variable names itself in the error. */
export function neonConfigFromEnv(env: Record<string, string | undefined>): NeonConfig {
  const parsed = neonEnv.parse(env);
  return {
    baseUrl: parsed.NEON_API_URL,
    apiKey: parsed.NEON_API_KEY,
    projectId: parsed.NEON_PROJECT_ID,
    orgId: parsed.NEON_ORG_ID,
  };
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type GitHubSandbox, startGitHubSandbox } from './github/emulator';
import { type NeonSandbox, startNeonSandbox } from './neon';
import { startVercelSandbox, type VercelSandbox } from './vercel';

/** Where each emulator listens unless told otherwise; 0 picks a free port. */
export const DEFAULT_SANDBOX_PORTS = {
  github: 4011,
  vercel: 4012,
  neon: 4013,
  chatSink: 4014,
} as const;

const port = z.coerce.number().int().min(0).max(65_535);
const portsEnv = z.object({
  SANDBOX_GITHUB_PORT: port.default(DEFAULT_SANDBOX_PORTS.github),
  SANDBOX_VERCEL_PORT: port.default(DEFAULT_SANDBOX_PORTS.vercel),
  SANDBOX_NEON_PORT: port.default(DEFAULT_SANDBOX_PORTS.neon),
  SANDBOX_CHAT_SINK_PORT: port.default(DEFAULT_SANDBOX_PORTS.chatSink),
});

/** The sandboxes' ports from SANDBOX_{GITHUB,VERCEL,NEON,CHAT_SINK}_PORT; a bad value names itself. */
export function sandboxPortsFromEnv(env: Record<string, string | undefined>) {
  const parsed = portsEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid sandbox ports: ${problems.join('; ')}`);
  }
  return {
    github: parsed.data.SANDBOX_GITHUB_PORT,
    vercel: parsed.data.SANDBOX_VERCEL_PORT,
    neon: parsed.data.SANDBOX_NEON_PORT,
    chatSink: parsed.data.SANDBOX_CHAT_SINK_PORT,
  };
}

/** envboard's webhook endpoints on the app at `appUrl`. */
export function webhookTargetsFor(appUrl: string) {
  return { github: `${appUrl}/api/webhooks/github`, vercel: `${appUrl}/api/webhooks/vercel` };
}

export interface SandboxLaunchOptions {
  /** `owner/name` of the repository, the Vercel project and team, the Neon project and org. */
  githubRepository: string;
  vercelTeamId?: string;
  neonProjectId: string;
  neonOrgId?: string;
  /** `chatSink` is read by the demo launcher, which starts the chat sink beside the emulators. */
  ports?: Partial<Record<'github' | 'vercel' | 'neon' | 'chatSink', number>>;
  /** envboard's webhook endpoints; without them the emulators queue webhooks unsent. */
  webhookTargets?: { github?: string; vercel?: string };
  /** Send webhooks this long after a change; unset, they wait for flush(). */
  webhookDelayMs?: number;
  /** How long each Neon operation runs. */
  neonOperationMs?: number;
  /** The emulators' clock (epoch ms); the wall clock unless a test runs them in the past. */
  clock?: () => number;
}

export interface LaunchedSandboxes {
  github: GitHubSandbox;
  vercel: VercelSandbox;
  neon: NeonSandbox;
  /**
   * The variables that point envboard's provider clients and webhook endpoints at these
   * emulators: the same names production sets for the real APIs.
   */
  env: Record<string, string>;
  close: () => Promise<void>;
}

const secret = () => randomBytes(18).toString('base64url');

/**
 * Starts the GitHub, Vercel and Neon emulators side by side with fresh credentials and webhook
 * secrets. Each one accepts only its own token, and signs its webhooks with its secret.
 */
export async function launchSandboxes(options: SandboxLaunchOptions): Promise<LaunchedSandboxes> {
  const ports = { ...DEFAULT_SANDBOX_PORTS, ...options.ports };
  const clock = options.clock ?? Date.now;
  const credentials = {
    GITHUB_TOKEN: `ghp_sandbox_${secret()}`,
    GITHUB_WEBHOOK_SECRET: secret(),
    VERCEL_TOKEN: `vercel_sandbox_${secret()}`,
    VERCEL_WEBHOOK_SECRET: secret(),
    NEON_API_KEY: `neon_sandbox_${secret()}`,
  };
  const started: { close: () => Promise<void> }[] = [];
  const closeAll = () => Promise.all(started.map((server) => server.close())).then(() => undefined);
  try {
    const github = await startGitHubSandbox({
      port: ports.github,
      repositories: [options.githubRepository],
      token: credentials.GITHUB_TOKEN,
      now: () => new Date(clock()),
      webhooks: {
        url: options.webhookTargets?.github,
        secret: credentials.GITHUB_WEBHOOK_SECRET,
        autoFlushMs: options.webhookDelayMs,
      },
    });
    started.push(github);
    const vercel = await startVercelSandbox({
      port: ports.vercel,
      token: credentials.VERCEL_TOKEN,
      webhookSecret: credentials.VERCEL_WEBHOOK_SECRET,
      webhookTarget: options.webhookTargets?.vercel,
      webhookDelayMs: options.webhookDelayMs,
      now: clock,
    });
    started.push(vercel);
    const neon = await startNeonSandbox({
      port: ports.neon,
      apiKey: credentials.NEON_API_KEY,
      projectId: options.neonProjectId,
      operationMs: options.neonOperationMs,
      now: clock,
    });
    started.push(neon);
    const env: Record<string, string> = {
      ...credentials,
      GITHUB_API_URL: github.baseUrl,
      GITHUB_REPOSITORY: options.githubRepository,
      VERCEL_API_URL: vercel.baseUrl,
      NEON_API_URL: neon.apiUrl,
      NEON_PROJECT_ID: options.neonProjectId,
    };
    if (options.vercelTeamId) env.VERCEL_TEAM_ID = options.vercelTeamId;
    if (options.neonOrgId) env.NEON_ORG_ID = options.neonOrgId;
    return { github, vercel, neon, env, close: closeAll };
  } catch (error) {
    await closeAll();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw inUse
      ? new Error(
          `A sandbox port is already in use (${JSON.stringify(ports)}): stop what holds it, or set ` +
            'SANDBOX_GITHUB_PORT, SANDBOX_VERCEL_PORT and SANDBOX_NEON_PORT',
          { cause: error },
        )
      : error;
  }
}

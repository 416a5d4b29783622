import { currentEnv, type Env } from './env';
import { alertsEnv, boardEnv, cronEnv, runtimeEnv, webhookEnv } from './schemas';

/** NODE_ENV, NEXT_RUNTIME, NEXT_PHASE and VERCEL_ENV, as Node.js, Next.js and Vercel set them. */
export function runtimeSettings(env: Env = currentEnv()) {
  return runtimeEnv.parse(env);
}

/**
 * ENVBOARD_PROJECT: the slug of the project the board shows, if one is named;
 * INCIDENT_SUSPECT_HOURS: the suspect window of incident ↔ deployment links.
 */
export function boardSettings(env: Env = currentEnv()) {
  return boardEnv.parse(env);
}

/** The secret Vercel Cron sends as a bearer token, if the server has one. */
export function cronSecret(env: Env = currentEnv()): string | undefined {
  return cronEnv.parse(env).CRON_SECRET;
}

/** The secrets GitHub and Vercel sign their webhooks with. */
export function webhookSecrets(env: Env = currentEnv()) {
  const parsed = webhookEnv.parse(env);
  return { github: parsed.GITHUB_WEBHOOK_SECRET, vercel: parsed.VERCEL_WEBHOOK_SECRET };
}

/** The local chat sink the demo launcher started, if any: the Alerts page links to its listing. */
export function chatSinkUrl(env: Env = currentEnv()): string | undefined {
  return alertsEnv.pick({ CHAT_SINK_URL: true }).parse(env).CHAT_SINK_URL;
}

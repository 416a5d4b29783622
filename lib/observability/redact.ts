import { currentEnv, type Env } from '@/lib/settings/env';

/**
 * What never leaves the process in a span or a log line: credentials in a URL, authorization
 * values, envboard's and GitHub's token shapes, secret-looking query parameters, and the values of
 * the secret settings themselves. Spans and logs are built from chosen fields; this is the net
 * under them for the text that cannot be chosen (an error's message, a provider's answer).
 */

const REDACTED = '[redacted]';

/** The settings whose values are secrets (the connection string carries a password). */
export const SECRET_VARIABLES = [
  'DATABASE_URL',
  'NEXTAUTH_SECRET',
  'AUTH_SECRET',
  'GITHUB_SECRET',
  'GITHUB_TOKEN',
  'VERCEL_TOKEN',
  'NEON_API_KEY',
  'GITHUB_WEBHOOK_SECRET',
  'VERCEL_WEBHOOK_SECRET',
  'CRON_SECRET',
  'SEED_HOOK_SECRET',
  'ENVBOARD_ENCRYPTION_KEY',
] as const;

const PATTERNS: readonly [RegExp, string][] = [
  // scheme://user:password@host — a connection string or a URL with credentials.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]*@/gi, `$1${REDACTED}@`],
  // An Authorization header's value.
  [/\b(bearer|basic|token)\s+[\w.~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // envboard's API and upload tokens (envb_api_…, envb_ingest_…).
  [/\benvb_[a-z]+_[\w-]+/g, REDACTED],
  // GitHub's token shapes: https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
  [/\b(?:gh[pousr]_\w{16,}|github_pat_\w{16,})/g, REDACTED],
  // A secret-looking parameter in a query string or a form body.
  [
    /\b((?:access_|api_|auth_)?(?:token|secret|password|passwd|key|signature|sig)=)[^&\s"']+/gi,
    `$1${REDACTED}`,
  ],
];

/** Values shorter than this are not scrubbed by value: "1" or "dev" would blank every line. */
const MIN_SECRET_LENGTH = 8;

/** The secret settings' values, longest first so a value containing another goes whole. */
export function secretValues(env: Env = currentEnv()): string[] {
  const values = new Set<string>();
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    if (!value || value.length < MIN_SECRET_LENGTH) continue;
    values.add(value);
    // A connection string's password can appear alone, e.g. in a driver's error.
    if (name === 'DATABASE_URL') {
      const password = passwordOf(value);
      if (password && password.length >= MIN_SECRET_LENGTH) values.add(password);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** `text` with every secret shape and every known secret value replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = secretValues()): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

export type Field = string | number | boolean | null | undefined;

/** Each string value redacted; numbers and booleans pass as they are. */
export function redactFields<Fields extends Record<string, Field>>(
  fields: Fields,
  secrets: readonly string[] = secretValues(),
): Fields {
  const result: Record<string, Field> = {};
  for (const [key, value] of Object.entries(fields)) {
    result[key] = typeof value === 'string' ? redact(value, secrets) : value;
  }
  return result as Fields;
}

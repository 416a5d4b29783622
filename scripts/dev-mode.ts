/** What `npm run dev` decides before starting anything: sandboxes or real APIs, and its port. */

export const PROVIDER_CREDENTIALS = ['GITHUB_TOKEN', 'VERCEL_TOKEN', 'NEON_API_KEY'] as const;

/**
 * `sandbox` when no provider credential is set at all; otherwise the real APIs, listing the
 * credentials that are missing (those providers' calls fail, naming the variable).
 */
export function providerMode(
  env: Record<string, string | undefined>,
): { mode: 'sandbox' } | { mode: 'providers'; missing: string[] } {
  const missing = PROVIDER_CREDENTIALS.filter((name) => !env[name]);
  return missing.length === PROVIDER_CREDENTIALS.length
    ? { mode: 'sandbox' }
    : { mode: 'providers', missing };
}

/** The port `next dev` will listen on: `-p`/`--port` as next reads them, else PORT, else 3000. */
export function devServerPort(
  args: readonly string[],
  env: Record<string, string | undefined>,
): number {
  let port = env.PORT ?? '3000';
  for (const [index, arg] of args.entries()) {
    if ((arg === '-p' || arg === '--port') && args[index + 1]) port = args[index + 1]!;
    else if (arg.startsWith('--port=')) port = arg.slice('--port='.length);
  }
  const parsed = Number(port);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65_535) {
    throw new Error(`The dev server port must be a number from 1 to 65535, not "${port}"`);
  }
  return parsed;
}

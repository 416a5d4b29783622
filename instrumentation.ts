import { runtimeSettings } from '@/lib/settings/settings';

/**
 * Runs once when a server starts (https://nextjs.org/docs/app/guides/instrumentation): every
 * setting is checked here, so a bad or missing one stops the start with each variable named,
 * instead of failing the first request that happens to read it.
 */
export async function register(): Promise<void> {
  // The proxy and any edge code have no settings of their own to check; the Node.js server does.
  // Read raw, the one exception to lib/settings: Next.js inlines process.env.NEXT_RUNTIME when it
  // bundles this file, so an edge bundle drops the Node.js-only import below
  // (https://nextjs.org/docs/app/guides/instrumentation#importing-runtime-specific-code).
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` loads this file too; a build needs no secrets (they are read per request).
  if (runtimeSettings().NEXT_PHASE === 'phase-production-build') return;
  const { assertValidSettings } = await import('@/lib/settings/check-settings');
  try {
    assertValidSettings();
  } catch (error) {
    // Next.js would log a throw here and go on answering every request with a 500: stop instead.
    console.error((error as Error).message);
    process.exit(1);
  }
  // Traces: Next.js's own request spans and envboard's (lib/observability/trace.ts). On Vercel they
  // go to the project's trace drains; elsewhere to the OTLP endpoint the standard
  // OTEL_EXPORTER_OTLP_* variables name, and nowhere without one
  // (https://vercel.com/docs/tracing/instrumentation). Only a server that will run needs it.
  const { registerOTel } = await import('@vercel/otel');
  registerOTel({ serviceName: 'envboard' });
}

import nextEnv from '@next/env';
import { doctorContextFromEnv } from '@/lib/doctor/context';
import { formatReport, runDoctor } from '@/lib/doctor';

/**
 * `npm run doctor`: checks this deployment's settings, database, provider tokens, webhooks,
 * crons and syncs, one ✓ or ✗ line each with the fix under every ✗; exits 1 on any ✗. It reads
 * the same variables the app reads (the shell, then .env files as `next` loads them), so it
 * checks what the app would use: point it at the app's settings, sandboxes included.
 */
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production');

const context = doctorContextFromEnv(process.env);
try {
  const results = await runDoctor(context);
  console.log(formatReport(results));
  const failed = results.filter((result) => !result.ok).length;
  console.log(
    failed === 0 ? '\nAll checks pass.' : `\n${failed} of ${results.length} checks fail.`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  await context.close();
}

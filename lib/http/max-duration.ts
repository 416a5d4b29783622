/**
 * How long Vercel lets one function invocation run, as every route that does slow work declares
 * it (`export const maxDuration = 300` in the route or page file, which Next.js reads statically,
 * so the number is written there too; tests/unit/http/max-duration.test.ts keeps them equal).
 * 300 s is the default and the Hobby plan's ceiling with Fluid compute:
 * https://vercel.com/docs/functions/configuring-functions/duration
 *
 * Nothing a request started, `after()` work included, outlives it: a sync or an operation that
 * has not moved for longer died with its invocation.
 */
export const MAX_DURATION_SECONDS = 300;

export const MAX_DURATION_MS = MAX_DURATION_SECONDS * 1000;

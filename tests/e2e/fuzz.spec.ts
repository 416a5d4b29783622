import { join } from 'node:path';
import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import { ROLES, type Role } from '@/lib/domain/roles';
import { storageStateFor } from './support/auth';
import { expect, test } from './support/fixtures';
import { fillPattern, LEAKS, randomQuery, seededRandom } from './support/fuzz';
import { listAppRoutes } from './support/page-routes';

/**
 * Bad input never breaks the board: generated query strings and path ids sent to every page and
 * API route, as each role, are answered without a 5xx and without a stack trace. The generator
 * is seeded (FUZZ_SEED replays another run); the routes are read from app/, so a new page or
 * route is covered as soon as it exists.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 15);
const CASES_PER_ROUTE_AND_ROLE = 3;
/** Requests in flight at once per role: enough to keep the server busy, not to queue it up. */
const CONCURRENCY = 3;

// next-auth's own endpoints sign people in and out; they are not the board's to fuzz.
const ROUTES = listAppRoutes(join(process.cwd(), 'app')).filter(
  (route) => !route.pattern.startsWith('/api/auth/'),
);

interface Answer {
  url: string;
  status: number;
  leak?: string;
}

async function send(context: APIRequestContext, url: string): Promise<Answer> {
  // Redirects are answers too (a page a role may not see sends it to /forbidden): not followed.
  const response = await context.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const body = await response.text();
  const leak = LEAKS.find(({ pattern }) => pattern.test(body));
  return { url, status: response.status(), leak: leak?.name };
}

/** The role's generated URLs: the same seed gives the same URLs. */
function urlsFor(role: Role): string[] {
  const random = seededRandom(SEED * 31 + ROLES.indexOf(role));
  return ROUTES.flatMap((route) =>
    Array.from(
      { length: CASES_PER_ROUTE_AND_ROLE },
      () => `${fillPattern(route.pattern, random)}?${randomQuery(random)}`,
    ),
  );
}

test('the fuzz covers every page and API route the app directory holds', () => {
  const patterns = ROUTES.map((route) => route.pattern);
  expect(patterns).toEqual(
    expect.arrayContaining(['/', '/tests/runs/[id]', '/api/v1/operations/[id]', '/api/[...rest]']),
  );
  expect(ROUTES.filter((route) => route.kind === 'page').length).toBeGreaterThanOrEqual(15);
  expect(ROUTES.filter((route) => route.kind === 'api').length).toBeGreaterThanOrEqual(15);
});

for (const role of ROLES) {
  test(`generated query strings and path ids answer without a 5xx or a stack trace, as the ${role}`, async ({
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const context = await playwrightRequest.newContext({
      baseURL,
      storageState: storageStateFor(role),
    });
    const urls = urlsFor(role);
    const answers: Answer[] = [];
    for (let start = 0; start < urls.length; start += CONCURRENCY) {
      const batch = urls.slice(start, start + CONCURRENCY);
      answers.push(...(await Promise.all(batch.map((url) => send(context, url)))));
    }
    await context.dispose();
    expect(answers).toHaveLength(ROUTES.length * CASES_PER_ROUTE_AND_ROLE);
    const failures = answers.filter((answer) => answer.status >= 500 || answer.leak);
    expect(
      failures.map(({ url, status, leak }) => `${status}${leak ? ` (${leak})` : ''} ${url}`),
      `seed ${SEED}`,
    ).toEqual([]);
  });
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { GET } from '@/app/api/badges/[environment]/[file]/route';
import type { DatabaseHandle } from '@/db/client';
import { environments, type Project } from '@/db/schema';
import { setBadgesPublic } from '@/db/writes/projects';
import { eq } from 'drizzle-orm';
import {
  createDeployments,
  createEnvironment,
  createProject,
  createTestRun,
  createUptimeChecks,
  makeCases,
  MINUTE,
} from '../../support/factories';
import { getWithCookie, sessionCookie, signedInMember } from '../../support/session';
import { createTestDatabase } from '../../support/test-database';

/** The shields.io endpoint schema (https://shields.io/badges/endpoint-badge): unknown keys fail. */
const shieldsEndpoint = z
  .object({
    schemaVersion: z.literal(1),
    label: z.string(),
    message: z.string().min(1),
    color: z.string().optional(),
    labelColor: z.string().optional(),
    isError: z.boolean().optional(),
    cacheSeconds: z.number().int().min(300).optional(),
  })
  .strict();

const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let project: Project;
let memberCookie: string;

function badge(environment: string, file: string, cookie?: string): Promise<Response> {
  return GET(getWithCookie(`/api/badges/${environment}/${file}`, cookie), {
    params: Promise.resolve({ environment, file }),
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  project = await createProject(handle.db);
  ({ cookie: memberCookie } = await signedInMember(handle.db, project, 'viewer'));
  const production = await createEnvironment(handle.db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
  });
  const now = Date.now();
  const [served] = await createDeployments(handle.db, production, [
    { providerCreatedAt: new Date(now - 3 * 60 * MINUTE), commitSha: 'c0ffee1'.padEnd(40, '0') },
  ]);
  await handle.db
    .update(environments)
    .set({ currentDeploymentId: served!.id })
    .where(eq(environments.id, production.id));
  // 1,000 checks over the last 3.5 days, 8 failed: 99.2 %, yellow.
  await createUptimeChecks(handle.db, production, {
    from: new Date(now - 1000 * 5 * MINUTE),
    count: 1000,
    failing: [10, 11, 12, 13, 14, 15, 16, 17],
  });
  await createTestRun(
    handle.db,
    project,
    { suite: 'unit', commitSha: served!.commitSha, branch: 'main' },
    makeCases(5, { 1: 'failed' }),
  );
  await createTestRun(
    handle.db,
    project,
    { suite: 'e2e', commitSha: served!.commitSha, branch: 'main' },
    makeCases(3),
  );
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

describe('while badges are private (the default)', () => {
  test('an anonymous caller gets the same 404 for a real environment as for a made-up one', async () => {
    const real = await badge('production', 'status.svg');
    const madeUp = await badge('no-such-environment', 'status.svg');
    expect(real.status).toBe(404);
    expect(madeUp.status).toBe(404);
    expect(await real.json()).toEqual(await madeUp.json());
  });

  test('a caller whose session names nobody on the project is anonymous too', async () => {
    const stranger = await sessionCookie({ githubId: 987_654_321 });
    expect((await badge('production', 'status.json', stranger)).status).toBe(404);
  });

  test('a signed-in member gets the badge, kept out of shared caches', async () => {
    const response = await badge('production', 'status.json', memberCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(await response.json()).toMatchObject({ label: 'status', message: 'ready' });
  });
});

describe('once an admin makes them public', () => {
  beforeAll(() => setBadgesPublic(handle.db, project.id, true));
  afterAll(() => setBadgesPublic(handle.db, project.id, false));

  test.each(['status', 'uptime', 'deploy', 'tests'])(
    'the %s SVG is well-formed XML, an image named by its title',
    async (kind) => {
      const response = await badge('production', `${kind}.svg`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      const text = await response.text();
      expect(XMLValidator.validate(text)).toBe(true);
      const svg = new XMLParser({ ignoreAttributes: false }).parse(text).svg;
      expect(svg['@_role']).toBe('img');
      expect(svg.title).toBe(svg['@_aria-label']);
      expect(svg.title).toMatch(new RegExp(`^${kind === 'uptime' ? 'uptime 30d' : kind}: .+`));
    },
  );

  test.each(['status', 'uptime', 'deploy', 'tests'])(
    'the %s JSON matches the shields.io endpoint schema',
    async (kind) => {
      const response = await badge('production', `${kind}.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      const body = shieldsEndpoint.parse(await response.json());
      expect(body.cacheSeconds).toBeGreaterThanOrEqual(300);
    },
  );

  test('each badge says what the board says', async () => {
    const messages = await Promise.all(
      ['status', 'uptime', 'deploy', 'tests'].map(async (kind) =>
        (await badge('production', `${kind}.json`)).json(),
      ),
    );
    expect(messages.map(({ message, color }) => [message, color])).toEqual([
      ['ready', 'brightgreen'],
      ['99.20\u00a0%', 'yellow'],
      ['c0ffee1 ready · 3 hr. ago', 'brightgreen'],
      // The newest run of each suite on the served commit: unit 4 + 1, e2e 3 + 0.
      ['7 passed, 1 failed', 'red'],
    ]);
  });

  test('an unknown environment, kind or format is a 404 JSON body', async () => {
    for (const [environment, file] of [
      ['no-such-environment', 'status.svg'],
      ['production', 'coverage.svg'],
      ['production', 'status.png'],
      ['production', 'status'],
    ] as const) {
      const response = await badge(environment, file);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  });
});

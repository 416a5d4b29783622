import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/client';
import {
  type AlertChannel,
  alertChannels,
  alertMessages,
  alertRules,
  alertStates,
  environments,
  type Environment,
  type Project,
} from '@/db/schema';
import { recordUptimeChecks } from '@/db/writes';
import { evaluateAlerts } from '@/lib/alerts/evaluate';
import {
  createCostSamples,
  createEnvironment,
  createProject,
  createPullRequest,
  MINUTE,
} from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await handle.close();
});

const start = new Date('2026-03-10T12:00:00Z');
const after = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

async function createChannel(
  project: Project,
  name: string,
  enabled = true,
): Promise<AlertChannel> {
  const [row] = await db
    .insert(alertChannels)
    .values({
      projectId: project.id,
      kind: 'slack',
      name,
      urlCiphertext: 'sealed',
      urlHint: '…',
      enabled,
    })
    .returning();
  return row!;
}

async function check(environment: Environment, minutes: number, ok: boolean) {
  await recordUptimeChecks(db, [
    {
      environmentId: environment.id,
      checkedAt: after(minutes),
      ok,
      statusCode: ok ? 200 : 503,
      latencyMs: ok ? 120 : null,
      error: ok ? null : 'HTTP 503',
    },
  ]);
}

async function messagesOf(project: Project) {
  return db
    .select()
    .from(alertMessages)
    .where(eq(alertMessages.projectId, project.id))
    .orderBy(asc(alertMessages.id));
}

// Each test runs several whole evaluations; the first also warms PGlite up, which on a busy
// machine takes longer than the default 30 s.
describe('evaluateAlerts', { timeout: 120_000 }, () => {
  test('an environment going down fires once, reminds after the resend interval and resolves', async () => {
    const project = await createProject(db);
    const production = await createEnvironment(db, project, {
      kind: 'production',
      name: 'Production',
    });
    const slack = await createChannel(project, 'ops');
    await createChannel(project, 'muted', false);
    await check(production, -5, true);
    for (const minutes of [0, 1, 2]) await check(production, minutes, false);
    const rules = ['environment_down'] as const;

    const first = await evaluateAlerts(db, { projectId: project.id, now: after(3), rules });
    expect(first).toEqual({ fired: 1, reminded: 0, resolved: 0, messages: 1 });

    // Still down a minute later: the state has not changed, nothing is sent again.
    const again = await evaluateAlerts(db, { projectId: project.id, now: after(4), rules });
    expect(again).toEqual({ fired: 0, reminded: 0, resolved: 0, messages: 0 });

    // The rule's default resend interval is 60 minutes.
    const reminder = await evaluateAlerts(db, { projectId: project.id, now: after(63), rules });
    expect(reminder).toMatchObject({ reminded: 1, messages: 1 });

    await check(production, 64, true);
    const recovery = await evaluateAlerts(db, { projectId: project.id, now: after(65), rules });
    expect(recovery).toMatchObject({ resolved: 1, messages: 1 });

    const messages = await messagesOf(project);
    expect(messages.map((message) => [message.event, message.channelId])).toEqual([
      ['firing', slack.id],
      ['reminder', slack.id],
      ['resolved', slack.id],
    ]);
    expect(messages[0]!.dedupeKey).toBe(`environment_down:${production.slug}`);
    expect(messages[0]!.body).toMatchObject({ title: 'Production is down', severity: 'page' });
    expect(messages[2]!.body).toMatchObject({ title: 'Production is back up', event: 'resolved' });
    const [state] = await db
      .select()
      .from(alertStates)
      .where(eq(alertStates.projectId, project.id));
    expect(state).toMatchObject({ status: 'resolved', resolvedAt: after(65) });
  });

  test("a rule's row routes it to its chosen channels only, with its own thresholds", async () => {
    const project = await createProject(db);
    const production = await createEnvironment(db, project, {
      kind: 'production',
      name: 'Production',
    });
    await createChannel(project, 'everyone');
    const pager = await createChannel(project, 'pager');
    await db.insert(alertRules).values({
      projectId: project.id,
      rule: 'environment_down',
      thresholds: { failedChecks: 1 },
      channelIds: [pager.id],
      resendMinutes: 0,
    });
    await check(production, 0, false);

    const result = await evaluateAlerts(db, {
      projectId: project.id,
      now: after(1),
      rules: ['environment_down'],
    });
    expect(result).toMatchObject({ fired: 1, messages: 1 });
    expect((await messagesOf(project)).map((message) => message.channelId)).toEqual([pager.id]);
    // A resend interval of 0 never reminds.
    const later = await evaluateAlerts(db, {
      projectId: project.id,
      now: after(600),
      rules: ['environment_down'],
    });
    expect(later.messages).toBe(0);
  });

  test('a disabled rule fires nothing', async () => {
    const project = await createProject(db);
    const production = await createEnvironment(db, project, { kind: 'production' });
    await createChannel(project, 'ops');
    await db
      .insert(alertRules)
      .values({ projectId: project.id, rule: 'environment_down', enabled: false });
    for (const minutes of [0, 1, 2]) await check(production, minutes, false);
    const result = await evaluateAlerts(db, {
      projectId: project.id,
      now: after(3),
      rules: ['environment_down'],
    });
    expect(result.fired).toBe(0);
    expect(await messagesOf(project)).toEqual([]);
  });

  test('a freeze window announces its start and its end', async () => {
    const project = await createProject(db);
    const production = await createEnvironment(db, project, {
      kind: 'production',
      name: 'Production',
    });
    await createChannel(project, 'ops');
    await db
      .update(environments)
      .set({ frozenFrom: after(10), frozenUntil: after(70), freezeReason: 'launch week' })
      .where(eq(environments.id, production.id));
    const rules = ['freeze_window'] as const;
    for (const minutes of [5, 15, 20, 75, 80]) {
      await evaluateAlerts(db, { projectId: project.id, now: after(minutes), rules });
    }
    const titles = (await messagesOf(project)).map((message) => message.body.title);
    expect(titles).toEqual(['Production freeze started', 'Production freeze ended']);
  });

  test("a preview projected over the project's threshold fires with the Previews page's figures", async () => {
    const project = await createProject(db);
    await createChannel(project, 'ops');
    const pricey = await createPullRequest(db, project);
    const cheap = await createPullRequest(db, project);
    // Expires 4 days after `start`: $3 so far plus $1 a day over the last 3 days → $7 > $5.
    const expiresAt = new Date(start.getTime() + 4 * 24 * 60 * MINUTE);
    const [priceyPreview, cheapPreview] = await Promise.all([
      createEnvironment(db, project, { slug: 'pr-pricey', pullRequestId: pricey.id, expiresAt }),
      createEnvironment(db, project, { slug: 'pr-cheap', pullRequestId: cheap.id, expiresAt }),
    ]);
    await createCostSamples(db, project, [
      ...['2026-03-07', '2026-03-08', '2026-03-09'].map((day) => ({
        day,
        amountUsd: 1,
        environmentId: priceyPreview.id,
        metric: `usage ${day}`,
      })),
      { day: '2026-03-09', amountUsd: 0.1, environmentId: cheapPreview.id },
    ]);
    await evaluateAlerts(db, { projectId: project.id, now: start, rules: ['preview_cost'] });
    const messages = await messagesOf(project);
    expect(messages.map((message) => message.dedupeKey)).toEqual(['preview_cost:pr-pricey']);
    expect(messages[0]!.body.fields).toEqual(
      expect.arrayContaining([
        { label: 'So far', value: '$3.00' },
        { label: 'Projected', value: '$7.00' },
        { label: 'Threshold', value: '$5.00' },
      ]),
    );
  });

  test('two evaluations at once store one message per change', async () => {
    const project = await createProject(db);
    const production = await createEnvironment(db, project, { kind: 'production' });
    await createChannel(project, 'ops');
    for (const minutes of [0, 1, 2]) await check(production, minutes, false);
    const rules = ['environment_down'] as const;
    const results = await Promise.all([
      evaluateAlerts(db, { projectId: project.id, now: after(3), rules }),
      evaluateAlerts(db, { projectId: project.id, now: after(3.5), rules }),
    ]);
    expect(results.reduce((sum, result) => sum + result.fired, 0)).toBe(1);
    expect(await messagesOf(project)).toHaveLength(1);
  });

  test('every rule evaluates over an empty project without firing', async () => {
    const project = await createProject(db);
    await createChannel(project, 'ops');
    const result = await evaluateAlerts(db, { projectId: project.id, now: start });
    expect(result).toMatchObject({ fired: expect.any(Number), messages: result.fired });
    const states = await db.select().from(alertStates).where(eq(alertStates.projectId, project.id));
    // Only the project-wide plumbing (syncs shared by every project) may fire here.
    expect(
      states.every((state) => ['sync_failing', 'webhook_deliveries_failing'].includes(state.rule)),
    ).toBe(true);
  });
});

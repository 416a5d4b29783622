import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVercelClient, type VercelClient } from '@/lib/providers/vercel/client';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { focusRow } from '@/tests/fixtures/focus-rows';
import { ExchangeLog } from './support/exchanges';
import { noteCalls } from './support/calls';
import {
  checkVercelExchange,
  describeDepartures,
  matchOperation,
  VERCEL_OPERATIONS,
} from './support/vercel-models';

const token = 'vercel-contract-token';

// The sandbox's clock, which the client's sleep advances: alias jobs and Retry-After waits
// pass without spending the time.
let clock = Date.parse('2026-11-20T12:00:00Z');
let sandbox: VercelSandbox;
const log = new ExchangeLog();
const waits: number[] = [];
const called = new Set<string>();

function vercelClient(secret = token): VercelClient {
  const client = createVercelClient(
    { baseUrl: sandbox.baseUrl, token: secret, teamId: 'team_contract' },
    {
      fetch: log.fetch,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      retry: { maxRetries: 2 },
    },
  );
  // Records which of the client's methods the scenario calls.
  return noteCalls(client, called);
}

const clientMethods = (client: VercelClient) =>
  Object.keys(client).filter(
    (name) => typeof (client as unknown as Record<string, unknown>)[name] === 'function',
  );

beforeAll(async () => {
  sandbox = await startVercelSandbox({ token, webhookSecret: 'w', seed: 3, now: () => clock });
});
afterAll(() => sandbox.close());

describe('Vercel client against the sandbox, checked against @vercel/sdk’s models', () => {
  it('sends and receives only what the SDK models allow, on every call the client makes', async () => {
    const client = vercelClient();
    const { store } = sandbox;
    const project = store.addProject({ id: 'prj_contract', name: 'storefront' });
    const meta = {
      githubCommitRef: 'feat/cart',
      githubCommitSha: 'a1b2c3d',
      githubCommitMessage: 'Cart badge',
    };
    const live = store.addDeployment({ projectId: project.id, target: 'production', meta });
    clock += 60_000;
    const preview = store.addDeployment({ projectId: project.id, meta });
    clock += 60_000;
    const building = store.addDeployment({ projectId: project.id, readyState: 'BUILDING' });
    clock += 60_000;
    const next = store.addDeployment({ projectId: project.id, target: 'production', meta });

    // Lists: pages, filters and an incremental cursor.
    const { deployments } = await client.listDeployments({ projectId: project.id, pageSize: 2 });
    expect(deployments).toHaveLength(4);
    await client.listDeployments({ projectId: project.name, target: 'production' });
    await client.listDeployments({
      projectId: project.id,
      branch: 'feat/cart',
      since: live.createdAt,
    });

    // One deployment, by id and by URL, and one that is not there (404).
    expect((await client.getDeployment(building.id)).readyState).toBe('BUILDING');
    await client.getDeployment(preview.url);
    await expect(client.getDeployment('dpl_missing')).rejects.toMatchObject({ status: 404 });

    // Promote: done at once (201), refused for a build that is not ready (409), then accepted
    // and finished later (202) once the alias-job switch is on.
    expect(await client.promote(project.id, preview.id)).toEqual({ pending: false });
    await expect(client.promote(project.id, building.id)).rejects.toMatchObject({ status: 409 });
    store.aliasJobMs = 5_000;
    expect(await client.promote(project.id, next.id)).toEqual({ pending: true });
    const promoted = await client.waitForPromotion(project.id, next.id);
    expect(promoted.targets?.production?.id).toBe(next.id);
    store.aliasJobMs = 0;

    await client.rollback(project.id, live.id, 'checkout broken');
    expect((await client.getProject(project.name)).targets?.production?.id).toBe(live.id);

    await client.deleteDeployment(preview.id);
    await expect(client.deleteDeployment(live.id)).rejects.toMatchObject({ status: 409 });

    const variable = { key: 'DATABASE_URL', gitBranch: 'feat/cart', value: 'postgres://a' };
    await client.upsertPreviewEnvVar(project.id, variable);
    await client.upsertPreviewEnvVar(project.id, { ...variable, value: 'postgres://b' });
    expect(await client.deletePreviewEnvVar(project.id, variable)).toBe(1);

    // Names and scopes only, a custom environment by its slug; values stay behind.
    const staging = store.addCustomEnvironment(project.id, 'staging');
    store.upsertEnv(project.id, {
      key: 'SENTRY_DSN',
      value: 'https://secret@sentry.example/1',
      type: 'encrypted',
      target: ['production'],
      customEnvironmentIds: [staging.id],
    });
    expect(await client.listEnvVarScopes(project.id)).toEqual([
      { key: 'SENTRY_DSN', targets: ['production', 'staging'], gitBranch: null },
    ]);

    // The webhook the sandbox delivers to, listed as Vercel lists a team's webhooks.
    sandbox.webhooks.setTarget('https://envboard.example/api/webhooks/vercel');
    expect(await client.listWebhooks(project.id)).toMatchObject([
      { url: 'https://envboard.example/api/webhooks/vercel', projectIds: [project.id] },
    ]);

    store.charges.push(
      focusRow({
        ChargePeriodStart: '2026-11-18T00:00:00Z',
        ChargePeriodEnd: '2026-11-19T00:00:00Z',
      }),
      focusRow({
        ChargePeriodStart: '2026-11-19T00:00:00Z',
        ChargePeriodEnd: '2026-11-20T00:00:00Z',
        Tags: { ProjectId: project.id, DeploymentId: next.id },
      }),
    );
    const { charges } = await client.listBillingCharges(
      new Date('2026-11-18T00:00:00Z'),
      new Date('2026-11-20T00:00:00Z'),
    );
    expect(charges).toHaveLength(2);

    // A rate limit: 429 with Retry-After, waited out, then answered.
    sandbox.faults.rateLimitBurst({ requests: 1, retryAfterSeconds: 2 });
    await client.getProject(project.id);
    expect(waits).toContain(2_000);

    // A token Vercel does not accept (403).
    await expect(vercelClient('not-the-token').getProject(project.id)).rejects.toMatchObject({
      status: 403,
    });

    const departures = log.exchanges.flatMap(checkVercelExchange);
    expect(describeDepartures(departures)).toBe('');

    const statuses = new Set(log.exchanges.map((exchange) => exchange.response.status));
    expect([...statuses].sort()).toEqual([200, 201, 202, 403, 404, 409, 429]);
    const seen = new Set(
      log.exchanges.map(
        ({ request }) => matchOperation(request.method, request.url.pathname)?.operation.id,
      ),
    );
    expect([...seen].sort()).toEqual(VERCEL_OPERATIONS.map((operation) => operation.id).sort());
    expect([...called].sort()).toEqual(clientMethods(client).sort());
  });
});

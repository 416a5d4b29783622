import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHistory } from '@/lib/demo';
import { createVercelClient } from '@/lib/providers/vercel/client';
import { vercelCharges } from '@/sandbox/demo';
import { fillVercelStore } from '@/sandbox/demo/vercel';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { ExchangeLog } from './support/exchanges';
import { checkVercelExchange, describeDepartures } from './support/vercel-models';

// The demo's Vercel project, as `npm run sandbox` serves it, read the way the syncs read it.
const NOW = new Date('2026-03-18T14:35:00Z');
const history = demoHistory({ now: NOW });
const token = 'demo-contract-token';
let sandbox: VercelSandbox;

beforeAll(async () => {
  sandbox = await startVercelSandbox({ token, webhookSecret: 'w', now: () => NOW.getTime() });
  fillVercelStore(sandbox.store, history);
  sandbox.store.charges.push(...vercelCharges(history));
});
afterAll(() => sandbox.close());

describe('the demo’s Vercel data, checked against @vercel/sdk’s models', () => {
  it('answers every read of the demo project as the models require', async () => {
    const log = new ExchangeLog();
    const client = createVercelClient(
      { baseUrl: sandbox.baseUrl, token, teamId: history.project.vercelTeamId },
      { fetch: log.fetch },
    );
    const projectId = history.project.vercelProjectId;
    const { deployments } = await client.listDeployments({ projectId });
    expect(deployments).toHaveLength(history.deployments.length);
    // One of each state and target the demo has, by its full view.
    const samples = new Map(deployments.map((d) => [`${d.readyState} ${d.target}`, d.uid]));
    for (const id of samples.values()) await client.getDeployment(id);
    await client.getProject(projectId);
    const days = history.costSamples.map((sample) => sample.day).sort();
    const { charges } = await client.listBillingCharges(
      new Date(`${days[0]}T00:00:00Z`),
      new Date(Date.parse(`${days.at(-1)}T00:00:00Z`) + 24 * 3600 * 1000),
    );
    expect(charges.length).toBeGreaterThan(0);
    const variables = await client.listEnvVarScopes(projectId);
    expect(variables.map((variable) => variable.key)).toContain('STRIPE_LIVE_SECRET_KEY');

    expect(describeDepartures(log.exchanges.flatMap(checkVercelExchange))).toBe('');
  });
});

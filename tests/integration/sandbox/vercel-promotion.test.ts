import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVercelClient, type VercelClient } from '@/lib/providers/vercel/client';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { recordingSleep } from '@/tests/support/recording-sleep';

const token = 'vercel-test-token';

// Promotions here are alias jobs that take 5 s of the sandbox's clock, which the client's sleep
// advances: the test proves the polling without spending the time.
let clock = Date.now();
let sandbox: VercelSandbox;
let client: VercelClient;
const recording = recordingSleep();

beforeAll(async () => {
  sandbox = await startVercelSandbox({
    token,
    webhookSecret: 's',
    aliasJobMs: 5_000,
    now: () => clock,
  });
  client = createVercelClient(
    { baseUrl: sandbox.baseUrl, token },
    {
      sleep: async (ms) => {
        await recording.sleep(ms);
        clock += ms;
      },
    },
  );
});
afterAll(() => sandbox.close());

let projects = 0;
function projectServing() {
  projects++;
  const project = sandbox.store.addProject({ id: `prj_p${projects}`, name: `shop-${projects}` });
  const live = sandbox.store.addDeployment({ projectId: project.id, target: 'production' });
  return { project, live };
}

describe('Vercel promotions that finish later', () => {
  it('answers 202, keeps serving the old deployment, then waits for the alias job', async () => {
    const { project, live } = projectServing();
    const candidate = sandbox.store.addDeployment({ projectId: project.id });

    expect(await client.promote(project.id, candidate.id)).toEqual({ pending: true });
    const during = await client.getProject(project.id);
    expect(during.targets?.production?.id).toBe(live.id);
    expect(during.lastAliasRequest?.jobStatus).toBe('in-progress');

    const waitsBefore = recording.waits.length;
    const after = await client.waitForPromotion(project.id, candidate.id);
    expect(after.targets?.production?.id).toBe(candidate.id);
    expect(after.lastAliasRequest?.jobStatus).toBe('succeeded');
    expect(recording.waits.length).toBeGreaterThan(waitsBefore);
  });

  it('gives up waiting after its budget with a retryable error naming the wait', async () => {
    const { project } = projectServing();
    const candidate = sandbox.store.addDeployment({ projectId: project.id });
    await client.promote(project.id, candidate.id);
    const impatient = createVercelClient(
      { baseUrl: sandbox.baseUrl, token },
      { sleep: async () => undefined, poll: { timeoutMs: 1_000 } },
    );
    await expect(impatient.waitForPromotion(project.id, candidate.id)).rejects.toMatchObject({
      provider: 'vercel',
      operation: 'waitForPromotion',
      retryable: true,
    });
  });
});

describe('Vercel after an instant rollback', () => {
  it('does not serve new production builds until something is promoted', async () => {
    const { project, live } = projectServing();
    const broken = sandbox.store.addDeployment({ projectId: project.id, target: 'production' });
    expect((await client.getProject(project.id)).targets?.production?.id).toBe(broken.id);

    await client.rollback(project.id, live.id, 'broken checkout');
    const fix = sandbox.store.addDeployment({ projectId: project.id, target: 'production' });
    expect((await client.getProject(project.id)).targets?.production?.id).toBe(live.id);

    await client.promote(project.id, fix.id);
    const promoted = await client.waitForPromotion(project.id, fix.id);
    expect(promoted.targets?.production?.id).toBe(fix.id);
    expect(promoted.rollbackDescription ?? null).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import { deploymentChange } from '@/lib/webhooks/vercel-events';
import { deploymentEventSchema, vercelEnvelopeSchema } from '@/lib/webhooks/vercel-payloads';
import { deploymentPayload } from '@/sandbox/vercel/payloads';
import type { SandboxDeployment } from '@/sandbox/vercel/store';
import { vercelEvent } from '@/sandbox/vercel/webhooks';

const sandboxDeployment: SandboxDeployment = {
  id: 'dpl_abc',
  name: 'shop',
  url: 'shop-abc.vercel.app',
  projectId: 'prj_1',
  createdAt: 1_770_000_000_000,
  readyState: 'READY',
  target: null,
  meta: { githubCommitRef: 'feature/a', githubCommitSha: 'f'.repeat(40) },
};

const envelopeOf = (type: string, payload: unknown, createdAt = 1_770_000_060_000) =>
  vercelEnvelopeSchema.parse(vercelEvent(type, payload, createdAt).payload);

describe('Vercel deployment events', () => {
  test("the sandbox's created event becomes a queued build created at the event time", () => {
    const envelope = envelopeOf('deployment.created', deploymentPayload(sandboxDeployment));
    const change = deploymentChange(
      envelope,
      { state: 'queued', created: true },
      deploymentEventSchema.parse(envelope.payload),
    );
    expect(change).toEqual({
      id: 'dpl_abc',
      url: 'shop-abc.vercel.app',
      target: null,
      state: 'queued',
      meta: sandboxDeployment.meta,
      createdAt: new Date(1_770_000_060_000),
      observedAt: new Date(1_770_000_060_000),
      servedBy: undefined,
    });
  });

  test('a rollback serves the deployment it names as the target', () => {
    const payload = {
      ...deploymentPayload({ ...sandboxDeployment, target: 'production' }),
      fromDeploymentId: 'dpl_new',
      toDeploymentId: 'dpl_abc',
    };
    const envelope = envelopeOf('deployment.rollback', payload);
    const change = deploymentChange(
      envelope,
      { servedBy: 'rollback' },
      deploymentEventSchema.parse(envelope.payload),
    );
    expect(change).toMatchObject({ id: 'dpl_abc', target: 'production', servedBy: 'rollback' });
    expect(change.state).toBeUndefined();
    expect(change.createdAt).toBeUndefined();
  });

  test('metadata values that are not strings are dropped, not refused', () => {
    const payload = deploymentPayload({
      ...sandboxDeployment,
      meta: { githubCommitRef: 'main', githubPrId: 7 } as unknown as Record<string, string>,
    });
    expect(deploymentEventSchema.parse(payload).deployment.meta).toEqual({
      githubCommitRef: 'main',
    });
  });

  test('an envelope without an id is refused', () => {
    expect(
      vercelEnvelopeSchema.safeParse({ type: 'deployment.created', createdAt: 1 }).success,
    ).toBe(false);
  });
});

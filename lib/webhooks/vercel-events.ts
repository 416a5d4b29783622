import type { Database } from '@/db/client';
import { applyVercelDeployment, type VercelDeploymentChange } from '@/lib/reconcile';
import { type DeliveryOutcome, ignoredBecause } from './outcome';
import { projectForVercelProject } from './project-lookup';
import {
  type DeploymentEvent,
  deploymentEventSchema,
  type VercelEnvelope,
} from './vercel-payloads';
import { describeIssues } from './zod-issues';

type EventMeaning = Pick<VercelDeploymentChange, 'state' | 'servedBy'> & { created?: true };

/** What each deployment event says happened; `deployment.ready` is the older name of succeeded. */
const DEPLOYMENT_EVENTS: Record<string, EventMeaning> = {
  'deployment.created': { state: 'queued', created: true },
  'deployment.succeeded': { state: 'ready' },
  'deployment.ready': { state: 'ready' },
  'deployment.error': { state: 'error' },
  'deployment.canceled': { state: 'canceled' },
  'deployment.promoted': { servedBy: 'promote' },
  'deployment.rollback': { servedBy: 'rollback' },
};

function notStoredReason(type: string): string {
  if (type.startsWith('project.')) return `${type}: the board keeps no Vercel project settings`;
  if (type === 'test-webhook') return 'test-webhook: Vercel checking the webhook';
  return `${type} events are not used`;
}

const target = (value: string | null | undefined) =>
  value === 'production' || value === 'staging' ? value : null;

export function deploymentChange(
  envelope: VercelEnvelope,
  meaning: EventMeaning,
  event: DeploymentEvent,
): VercelDeploymentChange {
  const at = new Date(envelope.createdAt);
  return {
    // A rollback's payload describes the deployment rolled back to; its id is the one served.
    id: event.toDeploymentId ?? event.deployment.id,
    url: event.deployment.url,
    target: target(event.target),
    state: meaning.state,
    meta: event.deployment.meta,
    createdAt: meaning.created ? at : undefined,
    observedAt: at,
    servedBy: meaning.servedBy,
  };
}

/**
 * Vercel signs the body but puts no time in the signature, so a delivery's own `createdAt` is
 * the only age it has: one received more than an hour after it was created is not applied.
 */
const VERCEL_DELIVERY_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Applies one Vercel webhook to the project its Vercel project id belongs to, unless it was
 * received (`receivedAt`, kept on the delivery, so a replay judges it the same way) more than
 * VERCEL_DELIVERY_MAX_AGE_MS after Vercel created it.
 */
export async function applyVercelEvent(
  db: Database,
  envelope: VercelEnvelope,
  receivedAt: Date,
): Promise<DeliveryOutcome> {
  const meaning = DEPLOYMENT_EVENTS[envelope.type];
  if (!meaning) return ignoredBecause(notStoredReason(envelope.type));
  const age = receivedAt.getTime() - envelope.createdAt;
  if (age > VERCEL_DELIVERY_MAX_AGE_MS) {
    const minutes = Math.floor(age / 60_000);
    return {
      status: 'stale',
      reason: `created ${minutes} minutes before it was received (over an hour): the Vercel sync covers it`,
    };
  }
  const parsed = deploymentEventSchema.safeParse(envelope.payload);
  if (!parsed.success) {
    return {
      status: 'malformed',
      reason: `${envelope.type} payload: ${describeIssues(parsed.error)}`,
    };
  }
  const project = await projectForVercelProject(db, parsed.data.project.id);
  if (!project)
    return ignoredBecause(`no project is connected to Vercel project ${parsed.data.project.id}`);
  const result = await applyVercelDeployment(
    db,
    project,
    deploymentChange(envelope, meaning, parsed.data),
  );
  return result.ignored
    ? ignoredBecause(result.ignored)
    : { status: 'applied', changed: result.changed };
}

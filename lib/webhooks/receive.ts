import { z } from 'zod';
import type { Database } from '@/db/client';
import { recordWebhookDelivery } from '@/db/writes/webhook-deliveries';
import { evaluateAlertsSoon, RULES_AFTER } from '@/lib/alerts/trigger';
import { errorResponse, jsonResponse } from '@/lib/http/json-route';
import { log } from '@/lib/observability/log';
import { withRequestContext } from '@/lib/observability/request-context';
import { inSpan, setSpanAttributes } from '@/lib/observability/trace';
import { MAX_WEBHOOK_BYTES, readBodyWithin } from './body';
import { deliveryProjectId } from './delivery-project';
import { receiveDelivery } from './process';
import type { DeliveryIdentity, WebhookProvider } from './providers';

interface ReceiveOptions {
  secret: string | undefined;
  maxBytes?: number;
  now?: () => Date;
}

async function storeMalformed(
  db: Database,
  provider: WebhookProvider,
  identity: DeliveryIdentity,
  rawBody: string,
  error: string,
  now: Date,
) {
  await recordWebhookDelivery(db, {
    provider: provider.name,
    ...identity,
    status: 'malformed',
    rawBody,
    error,
    processedAt: now,
  });
}

const ALERTED_VERCEL_EVENTS = new Set([
  'deployment.error',
  'deployment.succeeded',
  'deployment.ready',
  'deployment.rollback',
]);
const productionTarget = z.object({ payload: z.object({ target: z.literal('production') }) });

/** A production deployment failed, recovered or was rolled back: the release rules' inputs. */
function changesProductionAlerts(provider: WebhookProvider, event: string, json: unknown): boolean {
  return (
    provider.name === 'vercel' &&
    ALERTED_VERCEL_EVENTS.has(event) &&
    productionTarget.safeParse(json).success
  );
}

/**
 * One webhook delivery, in a fixed order: size (413) → signature over the raw bytes (401,
 * nothing stored) → JSON (400, stored as malformed for inspection) → stored once per delivery id
 * (a redelivery is a 200 no-op) and applied, in one transaction. Only the database is touched, so
 * the answer comes well within GitHub's 10 s; a failed apply is stored for the retry job and
 * still answered 202.
 */
export function receiveWebhook(
  request: Request,
  provider: WebhookProvider,
  db: Database,
  options: ReceiveOptions,
): Promise<Response> {
  return withRequestContext(request, () =>
    inSpan('webhook.delivery', { 'envboard.webhook.provider': provider.name }, async (span) => {
      let identity: DeliveryIdentity | undefined;
      const response = await receive(request, provider, db, options, (found) => {
        identity = found;
      });
      // The provider's own id and event name; the body and its signature never go out.
      const fields = {
        'envboard.webhook.event': identity?.event,
        'envboard.webhook.delivery_id': identity?.deliveryId,
        'http.response.status_code': response.status,
      };
      setSpanAttributes(span, fields);
      (response.status >= 400 ? log.warn : log.info)('webhook delivery', {
        provider: provider.name,
        event: identity?.event,
        deliveryId: identity?.deliveryId,
        status: response.status,
      });
      return response;
    }),
  );
}

async function receive(
  request: Request,
  provider: WebhookProvider,
  db: Database,
  options: ReceiveOptions,
  identified: (identity: DeliveryIdentity) => void,
): Promise<Response> {
  const now = (options.now ?? (() => new Date()))();
  if (!options.secret) {
    return errorResponse(
      503,
      'webhook_not_configured',
      `${provider.secretVariable} is not set on the server.`,
    );
  }
  const body = await readBodyWithin(request, options.maxBytes ?? MAX_WEBHOOK_BYTES);
  if (!body.ok) return errorResponse(413, 'payload_too_large', body.reason);
  const rawBody = body.text;

  const signature = await provider.verify(options.secret, rawBody, request.headers);
  if (signature !== 'valid') {
    const problem = signature === 'missing' ? 'is missing' : 'does not match the body';
    return errorResponse(
      401,
      'invalid_signature',
      `The ${provider.signatureHeader} header ${problem}.`,
    );
  }

  // Kept under the provider's delivery id when there is one, else the hash of the bytes.
  const refuseMalformed = async (reason: string) => {
    const identity = provider.identifyMalformed(request.headers, rawBody);
    identified(identity);
    await storeMalformed(db, provider, identity, rawBody, reason, now);
    return errorResponse(400, 'malformed_payload', reason);
  };
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    return refuseMalformed(`the body is not JSON: ${(error as Error).message}`);
  }
  const identity = provider.identify(request.headers, json, rawBody);
  if (typeof identity === 'string') return refuseMalformed(identity);
  identified(identity);

  const outcome = await receiveDelivery(
    db,
    { provider: provider.name, ...identity, payload: json, receivedAt: now },
    now,
    rawBody,
  );
  if (!outcome) {
    return jsonResponse({ status: 'duplicate', deliveryId: identity.deliveryId });
  }
  const deliveryId = identity.deliveryId;
  if (outcome.status === 'applied' && changesProductionAlerts(provider, identity.event, json)) {
    const delivery = { provider: provider.name, payload: json };
    await evaluateAlertsSoon(
      db,
      () => deliveryProjectId(db, delivery),
      RULES_AFTER.productionDeployment,
    );
  }
  switch (outcome.status) {
    case 'applied':
      return jsonResponse({ status: 'applied', deliveryId, changed: outcome.changed });
    case 'ignored':
    case 'stale':
      return jsonResponse({ status: outcome.status, deliveryId, reason: outcome.reason }, 202);
    case 'malformed':
      return errorResponse(400, 'malformed_payload', outcome.reason);
    case 'failed':
      // The cause stays in the stored delivery; the sender only learns it will be retried.
      return jsonResponse(
        { status: 'failed', deliveryId, retryAt: outcome.retryAt?.toISOString() ?? null },
        202,
      );
  }
}

/** The admin pages' vocabulary and read models: webhook deliveries and sync runs. */

export const WEBHOOK_PROVIDERS = ['github', 'vercel'] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export const DELIVERY_STATUSES = [
  'received',
  'applied',
  'ignored',
  'failed',
  'malformed',
  'stale',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const SYNC_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** A stored webhook delivery as the Deliveries pages show it. */
export interface DeliveryRecord {
  id: number;
  provider: WebhookProvider;
  deliveryId: string;
  event: string;
  action: string | null;
  status: DeliveryStatus;
  /** The parsed body, or null when it never parsed (then `rawBody` holds it). */
  payload: unknown;
  rawBody: string | null;
  error: string | null;
  attempts: number;
  receivedAt: Date;
  processedAt: Date | null;
  nextAttemptAt: Date | null;
}

/** One row of the Deliveries list: everything but the body. */
export type DeliveryListItem = Omit<DeliveryRecord, 'payload' | 'rawBody'>;

/** One sync run as the Sync status page shows it. */
export interface SyncRunSummary {
  id: number;
  kind: string;
  status: SyncStatus;
  startedAt: Date;
  finishedAt: Date | null;
  /** Null while the run is still going. */
  durationMs: number | null;
  itemsSeen: number;
  itemsChanged: number;
  apiCalls: number;
  errorCount: number;
  errors: string[];
}

import type { DeliveryListItem } from '@/db/queries/webhook-deliveries';

/** `pull_request.opened`, or the bare event when it has no action. */
export const eventLabel = (row: Pick<DeliveryListItem, 'event' | 'action'>) =>
  row.action ? `${row.event}.${row.action}` : row.event;

import type { DeliveryListItem } from '@/lib/domain/admin';

/** `pull_request.opened`, or the bare event when it has no action. */
export const eventLabel = (row: Pick<DeliveryListItem, 'event' | 'action'>) =>
  row.action ? `${row.event}.${row.action}` : row.event;

import { z } from 'zod';
import { DELIVERY_STATUSES, WEBHOOK_PROVIDERS } from '@/lib/domain/admin';
import { optionalParam, optionalText, pageParams } from '@/lib/http/query-params';
import { rowIdSchema } from '@/lib/domain/row-id';

/** The webhook deliveries list's filters, all in the URL. */
export const deliveryFiltersSchema = z.object({
  provider: optionalParam(z.enum(WEBHOOK_PROVIDERS)),
  event: optionalText,
  status: optionalParam(z.enum(DELIVERY_STATUSES)),
});
export type DeliveryFilters = z.output<typeof deliveryFiltersSchema>;

export const deliveriesQuerySchema = deliveryFiltersSchema.extend(pageParams);

/** The replay action's input: the stored delivery's row id. */
export const replayInputSchema = z.object({ id: rowIdSchema });

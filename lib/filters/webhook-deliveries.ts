import { z } from 'zod';
import { deliveryStatus, webhookProvider } from '@/db/schema/enums';
import { optionalParam, optionalText, pageParams } from '@/lib/http/query-params';

export const DELIVERY_STATUSES = deliveryStatus.enumValues;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const WEBHOOK_PROVIDERS = webhookProvider.enumValues;
export type WebhookProviderName = (typeof WEBHOOK_PROVIDERS)[number];

/** The webhook deliveries list's filters, all in the URL. */
export const deliveryFiltersSchema = z.object({
  provider: optionalParam(z.enum(WEBHOOK_PROVIDERS)),
  event: optionalText,
  status: optionalParam(z.enum(DELIVERY_STATUSES)),
});
export type DeliveryFilters = z.output<typeof deliveryFiltersSchema>;

export const deliveriesQuerySchema = deliveryFiltersSchema.extend(pageParams);

/** The replay action's input: the stored delivery's row id. */
export const replayInputSchema = z.object({ id: z.coerce.number().int().positive() });

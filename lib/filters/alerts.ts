import { z } from 'zod';
import {
  ALERT_CHANNEL_KINDS,
  ALERT_EVENTS,
  ALERT_MESSAGE_STATUSES,
  ALERT_RULE_KEYS,
  CHANNEL_TEST_RULE,
} from '@/lib/domain/alerts';
import { rowIdSchema } from '@/lib/domain/row-id';
import { optionalParam, pageParams } from '@/lib/http/query-params';

/** The alert history's filters, all in the URL. */
export const alertHistoryFiltersSchema = z.object({
  channel: optionalParam(rowIdSchema),
  rule: optionalParam(z.enum([...ALERT_RULE_KEYS, CHANNEL_TEST_RULE])),
  event: optionalParam(z.enum(ALERT_EVENTS)),
  status: optionalParam(z.enum(ALERT_MESSAGE_STATUSES)),
});
export type AlertHistoryFilters = z.output<typeof alertHistoryFiltersSchema>;

export const alertHistoryQuerySchema = alertHistoryFiltersSchema.extend(pageParams);

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A channel's URL: https, or plain http to this machine only (a local receiver such as the demo's
 * chat sink), so a webhook secret never crosses a network in the clear.
 */
export const channelUrlSchema = z
  .url({ protocol: /^https?$/, error: 'Enter the webhook URL, starting with https://.' })
  .max(2000)
  .refine(
    (url) => url.startsWith('https://') || LOOPBACK_HOSTS.has(new URL(url).hostname),
    'Use an https:// URL (plain http only reaches this machine).',
  );

/** The add-channel form. */
export const addChannelInputSchema = z.object({
  kind: z.enum(ALERT_CHANNEL_KINDS),
  name: z.string().trim().min(1, 'Name the channel.').max(80),
  url: channelUrlSchema,
});
export type AddChannelInput = z.output<typeof addChannelInputSchema>;

/** The buttons on a channel's row: its id, and for the switch, the state to set. */
export const channelIdInputSchema = z.object({ id: rowIdSchema });
export const channelEnabledInputSchema = channelIdInputSchema.extend({
  enabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

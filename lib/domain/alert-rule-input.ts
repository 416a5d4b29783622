import { z } from 'zod';
import { ALERT_RULES, MAX_RESEND_MINUTES, thresholdSchema } from './alert-rules';
import { ALERT_RULE_KEYS } from './alerts';

/**
 * A rule's settings as the Rules page submits them. Each threshold is checked against the
 * rule's own bounds, and a bad one is reported under `thresholds.<key>` so the form can say
 * which field is wrong.
 */
export const alertRuleInputSchema = z
  .object({
    rule: z.enum(ALERT_RULE_KEYS),
    enabled: z.boolean(),
    resendMinutes: z.coerce
      .number({ error: 'The resend interval must be a number of minutes.' })
      .int('The resend interval must be whole minutes.')
      .min(0, 'The resend interval cannot be negative.')
      .max(
        MAX_RESEND_MINUTES,
        `The resend interval is at most ${MAX_RESEND_MINUTES} minutes (a week).`,
      ),
    thresholds: z.record(z.string(), z.unknown()),
    channelIds: z.array(z.coerce.number().int().positive()).max(100),
  })
  .transform((input, context) => {
    const thresholds: Record<string, number> = {};
    for (const threshold of ALERT_RULES[input.rule].thresholds) {
      const parsed = thresholdSchema(threshold).safeParse(input.thresholds[threshold.key]);
      if (parsed.success) thresholds[threshold.key] = parsed.data;
      else {
        context.addIssue({
          code: 'custom',
          path: ['thresholds', threshold.key],
          message: parsed.error.issues[0]?.message ?? `${threshold.label} is not valid.`,
        });
      }
    }
    return { ...input, thresholds, channelIds: [...new Set(input.channelIds)] };
  });
export type AlertRuleInput = z.output<typeof alertRuleInputSchema>;

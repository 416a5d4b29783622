'use server';

import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { guardedAction } from '@/lib/auth';
import { parseUtcInstant } from '@/lib/domain/freeze';
import { settledControl } from '@/lib/operations/action-inputs';
import { clearFreeze, freezeProduction } from '@/lib/operations/freeze';
import { evaluateAlertsSoon, RULES_AFTER } from '@/lib/alerts/trigger';

/** Production's freeze window, set or cleared by a release manager (checked again inside). */

const instant = (message: string) =>
  z
    .string()
    .max(40)
    .transform((text, context) => {
      const parsed = parseUtcInstant(text);
      if (!parsed) context.addIssue({ code: 'custom', message });
      return parsed ?? new Date(0);
    });

const freezeInput = z.object({
  // Blank: the freeze starts now.
  from: z
    .string()
    .max(40)
    .optional()
    .transform((text) => (text?.trim() ? text : undefined))
    .pipe(instant('Pick when the freeze starts, or leave it blank for now.').optional()),
  until: instant('Pick when the freeze ends.'),
  reason: z.string().max(2000),
});

export const freezeProductionAction = guardedAction(
  freezeInput,
  'release_manager',
  async (input, actor) => {
    const now = new Date();
    const result = await freezeProduction(
      getDatabase(),
      actor,
      { from: input.from ?? now, until: input.until, reason: input.reason },
      now,
    );
    if (result.ok) void evaluateAlertsSoon(getDatabase(), actor.projectId, RULES_AFTER.freeze);
    return settledControl(result, 'Production is frozen.');
  },
);

export const clearFreezeAction = guardedAction(
  z.object({}),
  'release_manager',
  async (_input, actor) => {
    const result = await clearFreeze(getDatabase(), actor, new Date());
    if (result.ok) void evaluateAlertsSoon(getDatabase(), actor.projectId, RULES_AFTER.freeze);
    return settledControl(result, 'The freeze is cleared.');
  },
);

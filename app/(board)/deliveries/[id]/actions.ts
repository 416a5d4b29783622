'use server';

import { revalidatePath } from 'next/cache';
import type { ReplayResult, ReplayState } from '@/components/admin/replay-button';
import { getDatabase } from '@/db/client';
import { ActionFailure, guardedAction } from '@/lib/auth';
import { replayInputSchema } from '@/lib/filters/webhook-deliveries';
import { DeliveryNotFoundError, replayDelivery } from '@/lib/webhooks/retry';

const replay = guardedAction(
  replayInputSchema,
  'admin',
  async ({ id }, actor): Promise<ReplayResult> => {
    let outcome;
    try {
      outcome = await replayDelivery(getDatabase(), id, new Date(), actor.projectId);
    } catch (error) {
      if (error instanceof DeliveryNotFoundError)
        throw new ActionFailure('not_found', error.message);
      throw error;
    }
    revalidatePath('/deliveries', 'layout');
    return {
      status: outcome.status,
      changed: outcome.status === 'applied' && outcome.changed,
      reason: 'reason' in outcome ? outcome.reason : null,
      retryAt: outcome.status === 'failed' ? (outcome.retryAt?.toISOString() ?? null) : null,
    };
  },
);

/** Replay one stored webhook delivery (admins only), for the Replay button's form. */
export async function replayDeliveryAction(
  _state: ReplayState,
  form: FormData,
): Promise<ReplayState> {
  return replay(form);
}

'use server';

import { revalidatePath } from 'next/cache';
import { getDatabase } from '@/db/client';
import { listAlertChannelNames } from '@/db/queries/alert-rules';
import { getCurrentProject } from '@/db/queries/project';
import { saveAlertRule } from '@/db/writes/alert-rules';
import { ActionFailure, guardedAction } from '@/lib/auth';
import type { ActionResult } from '@/lib/domain/action-results';
import { alertRuleInputSchema } from '@/lib/domain/alert-rule-input';
import type { AlertRuleKey } from '@/lib/domain/alerts';

const THRESHOLD_FIELD = 'threshold.';

const saveRule = guardedAction(alertRuleInputSchema, 'admin', async (input) => {
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) throw new ActionFailure('no_project', 'There is no project yet.');
  const channels = new Set((await listAlertChannelNames(db, project.id)).map((c) => c.id));
  if (input.channelIds.some((id) => !channels.has(id))) {
    throw new ActionFailure('unknown_channel', 'A chosen channel does not belong to this project.');
  }
  await saveAlertRule(db, project.id, input);
  revalidatePath('/alerts/rules');
  return { rule: input.rule };
});

/**
 * Saves one rule's settings (admins only). The form's fields become the input here, so a
 * rule's many channel checkboxes and its `threshold.<key>` inputs arrive as a list and a record.
 */
export async function saveAlertRuleAction(form: FormData): Promise<ActionResult<{ rule: string }>> {
  const thresholds: Record<string, FormDataEntryValue> = {};
  for (const [name, value] of form) {
    if (name.startsWith(THRESHOLD_FIELD)) thresholds[name.slice(THRESHOLD_FIELD.length)] = value;
  }
  return saveRule({
    // The schema checks it is a rule key; the type only says what it must turn out to be.
    rule: String(form.get('rule') ?? '') as AlertRuleKey,
    enabled: form.get('enabled') === 'on',
    resendMinutes: form.get('resendMinutes') ?? '',
    thresholds,
    channelIds: form.getAll('channelIds'),
  });
}

import type { Tone } from '@/components/ui/status-badge';
import {
  type AlertChannelKind,
  type AlertEvent,
  type AlertMessageStatus,
  CHANNEL_TEST_RULE,
} from '@/lib/domain/alerts';
import { sentenceCase } from '@/lib/domain/sentence-case';

export const CHANNEL_KIND_LABELS: Record<AlertChannelKind, string> = {
  slack: 'Slack',
  discord: 'Discord',
  webhook: 'Webhook (signed JSON)',
};

export const ALERT_EVENT_LABELS: Record<AlertEvent, string> = {
  firing: 'Firing',
  reminder: 'Reminder',
  resolved: 'Resolved',
  test: 'Test',
};

export const MESSAGE_STATUS_TONES: Record<AlertMessageStatus, Tone> = {
  pending: 'warning',
  sent: 'success',
  failed: 'danger',
};

export const EVENT_TONES: Record<AlertEvent, Tone> = {
  firing: 'danger',
  reminder: 'warning',
  resolved: 'success',
  test: 'neutral',
};

/** A rule key as words: `budget_month_to_date` → "Budget month to date". */
export function ruleLabel(rule: string): string {
  if (rule === CHANNEL_TEST_RULE) return 'Channel test';
  return sentenceCase(rule.replace(/_/g, ' '));
}

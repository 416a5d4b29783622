import { describe, expect, test } from 'vitest';
import { alertRuleInputSchema } from '@/lib/domain/alert-rule-input';

const valid = {
  rule: 'environment_down',
  enabled: true,
  resendMinutes: '60',
  thresholds: { failedChecks: '4' },
  channelIds: ['2', '2', '5'],
};

describe('a rule as the Rules page submits it', () => {
  test('is parsed into numbers, channels once each', () => {
    expect(alertRuleInputSchema.parse(valid)).toEqual({
      rule: 'environment_down',
      enabled: true,
      resendMinutes: 60,
      thresholds: { failedChecks: 4 },
      channelIds: [2, 5],
    });
  });

  test('only its own thresholds are kept', () => {
    const parsed = alertRuleInputSchema.parse({
      ...valid,
      thresholds: { failedChecks: '4', warnPct: '10' },
    });
    expect(parsed.thresholds).toEqual({ failedChecks: 4 });
  });

  test.each<[string, Record<string, unknown>, string, string]>([
    [
      'a threshold below its bound',
      { thresholds: { failedChecks: '0' } },
      'thresholds.failedChecks',
      'Consecutive failed checks must be at least 1.',
    ],
    [
      'a fraction where a count is due',
      { thresholds: { failedChecks: '2.5' } },
      'thresholds.failedChecks',
      'Consecutive failed checks must be a whole number.',
    ],
    [
      'a word for a threshold',
      { thresholds: { failedChecks: 'many' } },
      'thresholds.failedChecks',
      'Consecutive failed checks must be a number.',
    ],
    [
      'a missing threshold',
      { thresholds: {} },
      'thresholds.failedChecks',
      'Consecutive failed checks must be a number.',
    ],
    [
      'a negative resend interval',
      { resendMinutes: '-5' },
      'resendMinutes',
      'The resend interval cannot be negative.',
    ],
    ['an unknown rule', { rule: 'everything' }, 'rule', ''],
  ])('refuses %s, naming the field', (_name, change, path, message) => {
    const result = alertRuleInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue).toBeDefined();
    if (message) expect(issue!.message).toBe(message);
  });
});

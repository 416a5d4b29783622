import { describe, expect, test } from 'vitest';
import {
  type AlertTransition,
  alertTransition,
  type PreviousAlertState,
  transitionEvent,
} from '@/lib/domain/alert-transition';

const now = new Date('2026-12-07T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const firing = (notifiedMinutesAgo: number): PreviousAlertState => ({
  status: 'firing',
  lastNotifiedAt: minutesAgo(notifiedMinutesAgo),
});
const resolved: PreviousAlertState = { status: 'resolved', lastNotifiedAt: minutesAgo(600) };

describe('alert state transitions', () => {
  test.each<[string, PreviousAlertState | null, boolean, number, AlertTransition]>([
    ['a new subject firing fires', null, true, 240, 'fire'],
    ['a subject that resolved and fires again fires again', resolved, true, 240, 'fire'],
    ['still firing within the resend interval: nothing (dedupe)', firing(10), true, 240, 'none'],
    ['still firing just before the interval: nothing', firing(239), true, 240, 'none'],
    ['still firing once the interval has passed: a reminder', firing(240), true, 240, 'remind'],
    ['long past the interval: one reminder', firing(5000), true, 240, 'remind'],
    ['a resend interval of 0 never reminds', firing(5000), true, 0, 'none'],
    ['a firing subject that stops resolves', firing(10), false, 240, 'resolve'],
    ['a resolved subject that stays quiet: nothing', resolved, false, 240, 'none'],
    ['a subject never seen and not firing: nothing', null, false, 240, 'none'],
  ])('%s', (_name, previous, isFiring, resendMinutes, expected) => {
    expect(alertTransition({ previous, firing: isFiring, now, resendMinutes })).toBe(expected);
  });

  test('a firing state never notified yet is reminded when it still fires', () => {
    const previous = { status: 'firing', lastNotifiedAt: null };
    expect(alertTransition({ previous, firing: true, now, resendMinutes: 60 })).toBe('remind');
  });

  test.each<[AlertTransition, boolean, string | null]>([
    ['fire', false, 'firing'],
    ['remind', false, 'reminder'],
    ['resolve', true, 'resolved'],
    ['resolve', false, null],
    ['none', true, null],
  ])('%s with announced resolution %s sends %s', (transition, announces, event) => {
    expect(transitionEvent(transition, announces)).toBe(event);
  });
});

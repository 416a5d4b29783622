import type { AlertEvent, AlertStatus } from './alerts';

/** The events an evaluation sends; `test` is the Send test button's. */
export type TransitionEvent = Exclude<AlertEvent, 'test'>;

/** What one evaluation does to one alert (rule + subject). */
export type AlertTransition = 'fire' | 'remind' | 'resolve' | 'none';

export interface PreviousAlertState {
  /** An AlertStatus, as stored. */
  status: AlertStatus | (string & {});
  lastNotifiedAt: Date | null;
}

/**
 * Notify on a change of state, not on every evaluation: an alert fires when its subject starts
 * firing (first time, or again after it resolved), is sent again once `resendMinutes` have passed
 * since the last message while it stays firing (0: never), and resolves when it stops.
 */
export function alertTransition(input: {
  previous: PreviousAlertState | null;
  firing: boolean;
  now: Date;
  resendMinutes: number;
}): AlertTransition {
  const { previous, firing, now, resendMinutes } = input;
  const wasFiring = previous?.status === 'firing';
  if (!firing) return wasFiring ? 'resolve' : 'none';
  if (!wasFiring) return 'fire';
  if (resendMinutes <= 0) return 'none';
  const last = previous.lastNotifiedAt;
  if (last && now.getTime() - last.getTime() < resendMinutes * 60_000) return 'none';
  return 'remind';
}

/**
 * The message a transition sends, if any: a resolution goes out only for rules whose end is
 * news (a recovery), not for one-off events that age out of their window.
 */
export function transitionEvent(
  transition: AlertTransition,
  announcesResolution: boolean,
): TransitionEvent | null {
  switch (transition) {
    case 'fire':
      return 'firing';
    case 'remind':
      return 'reminder';
    case 'resolve':
      return announcesResolution ? 'resolved' : null;
    case 'none':
      return null;
  }
}

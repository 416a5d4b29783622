/**
 * A developer's pin on their preview: kept past its TTL, for a reason, until an end date at most
 * PREVIEW_MAX_PIN_DAYS away. Pure, so the limits test in milliseconds and the form, the server
 * function and the cleanup read one rule.
 */

export const DEFAULT_PREVIEW_MAX_PIN_DAYS = 30;
export const MAX_PIN_REASON_LENGTH = 280;

const DAY_MS = 86_400_000;

/** What an environment row records about its pin. */
export interface PinState {
  pinned: boolean;
  pinnedUntil: Date | null;
  pinReason: string | null;
  pinnedBy: string | null;
}

/**
 * Whether the pin still holds: a pin with an end date lapses at that instant; one without (set
 * before pins had end dates) holds until someone unpins it.
 */
export function pinHolds(state: Pick<PinState, 'pinned' | 'pinnedUntil'>, now: Date): boolean {
  if (!state.pinned) return false;
  return state.pinnedUntil === null || state.pinnedUntil > now;
}

/** `YYYY-MM-DD` (the end of that day, UTC) or a full ISO instant; undefined when neither. */
export function parsePinEnd(text: string): Date | undefined {
  const trimmed = text.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const parsed = new Date(day ? `${trimmed}T23:59:59.999Z` : trimmed);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The latest end date a pin set now may have: the end of the UTC day `maxDays` from now. */
export function latestPinEnd(now: Date, maxDays: number): Date {
  const day = new Date(now.getTime() + maxDays * DAY_MS).toISOString().slice(0, 10);
  return new Date(`${day}T23:59:59.999Z`);
}

export interface PinRequest {
  until: Date;
  reason: string;
}

/** Why a pin may not be set as asked, one sentence per field; empty when it may. */
export function pinProblems(
  request: PinRequest,
  now: Date,
  maxDays: number,
): { field: 'until' | 'reason'; message: string }[] {
  const problems: { field: 'until' | 'reason'; message: string }[] = [];
  if (request.until <= now) {
    problems.push({ field: 'until', message: 'The end date must be in the future.' });
  } else if (request.until > latestPinEnd(now, maxDays)) {
    problems.push({
      field: 'until',
      message: `A preview may be pinned for at most ${maxDays} days.`,
    });
  }
  const reason = request.reason.trim();
  if (reason === '') problems.push({ field: 'reason', message: 'Say why it stays up.' });
  else if (reason.length > MAX_PIN_REASON_LENGTH) {
    problems.push({
      field: 'reason',
      message: `Keep the reason under ${MAX_PIN_REASON_LENGTH} characters.`,
    });
  }
  return problems;
}

/** A pin as the board shows it: until when, why, by whom; null when no pin holds. */
export interface PinView {
  until: Date | null;
  reason: string | null;
  by: string | null;
}

export function pinView(state: PinState, now: Date): PinView | null {
  if (!pinHolds(state, now)) return null;
  return { until: state.pinnedUntil, reason: state.pinReason, by: state.pinnedBy };
}

/**
 * Production's freeze window: from `frozenFrom` (now, when not set) until `frozenUntil`,
 * promotions are refused; rollbacks stay allowed. A window that has not started yet is shown but
 * blocks nothing. Pure, so the gate, the banner and the form read one rule.
 */

export const MAX_FREEZE_REASON_LENGTH = 280;

export interface FreezeState {
  frozenFrom: Date | null;
  frozenUntil: Date | null;
  freezeReason: string | null;
  frozenBy: string | null;
}

export type FreezePhase = 'active' | 'upcoming' | 'none';

export function freezePhase(
  state: Pick<FreezeState, 'frozenFrom' | 'frozenUntil'>,
  now: Date,
): FreezePhase {
  if (!state.frozenUntil || state.frozenUntil <= now) return 'none';
  if (state.frozenFrom && state.frozenFrom > now) return 'upcoming';
  return 'active';
}

/** "by @alice: release week" — who and why, when known; empty when neither is. */
export function freezeWho(state: Pick<FreezeState, 'freezeReason' | 'frozenBy'>): string {
  const by = state.frozenBy ? ` by @${state.frozenBy}` : '';
  return state.freezeReason ? `${by}: ${state.freezeReason}` : by;
}

export interface FreezeRequest {
  /** When it starts; earlier than now starts it now. */
  from: Date;
  until: Date;
  reason: string;
}

/** Why a freeze window may not be set as asked, one sentence per field; empty when it may. */
export function freezeProblems(
  request: FreezeRequest,
  now: Date,
): { field: 'from' | 'until' | 'reason'; message: string }[] {
  const problems: { field: 'from' | 'until' | 'reason'; message: string }[] = [];
  if (request.until <= request.from) {
    problems.push({ field: 'until', message: 'The freeze must end after it starts.' });
  } else if (request.until <= now) {
    problems.push({ field: 'until', message: 'The freeze must end in the future.' });
  }
  const reason = request.reason.trim();
  if (reason === '') problems.push({ field: 'reason', message: 'Say why production is frozen.' });
  else if (reason.length > MAX_FREEZE_REASON_LENGTH) {
    problems.push({
      field: 'reason',
      message: `Keep the reason under ${MAX_FREEZE_REASON_LENGTH} characters.`,
    });
  }
  return problems;
}

/**
 * A `datetime-local` value ("2026-12-07T14:30") read as UTC, which is what the form says it
 * asks for; a full ISO instant is read as given; undefined when neither.
 */
export function parseUtcInstant(text: string): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(trimmed);
  const parsed = new Date(local ? `${trimmed}Z` : trimmed);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

import { describe, expect, it } from 'vitest';
import { FIRST_SYNC_LOOKBACK_MS, itemError, resumeFrom, sinceFromCursor } from '@/lib/sync/cursor';

const now = new Date('2026-03-10T00:00:00Z');
const t = (iso: string) => new Date(iso);

describe('sync cursors', () => {
  it('reads a time cursor, and looks back a fixed window without one', () => {
    expect(sinceFromCursor('2026-03-09T12:00:00.000Z', now)).toEqual(t('2026-03-09T12:00:00Z'));
    expect(sinceFromCursor(null, now).getTime()).toBe(now.getTime() - FIRST_SYNC_LOOKBACK_MS);
    expect(sinceFromCursor('not a time', now).getTime()).toBe(
      now.getTime() - FIRST_SYNC_LOOKBACK_MS,
    );
  });

  it('resumes at the oldest unfinished item so it is listed again until it finishes', () => {
    const items = [
      { createdAt: t('2026-03-09T10:00:00Z'), finished: true },
      { createdAt: t('2026-03-09T11:00:00Z'), finished: false },
      { createdAt: t('2026-03-09T12:00:00Z'), finished: false },
    ];
    expect(resumeFrom(items, t('2026-03-01T00:00:00Z'), now)).toEqual(t('2026-03-09T11:00:00Z'));
  });

  it('resumes at the newest item when all are finished, or where it started when none', () => {
    const since = t('2026-03-01T00:00:00Z');
    const items = [
      { createdAt: t('2026-03-09T10:00:00Z'), finished: true },
      { createdAt: t('2026-03-09T12:00:00Z'), finished: true },
    ];
    expect(resumeFrom(items, since, now)).toEqual(t('2026-03-09T12:00:00Z'));
    expect(resumeFrom([], since, now)).toEqual(since);
  });

  it('lets an item unfinished for longer than the first-run window stop holding the cursor', () => {
    const stuck = new Date(now.getTime() - FIRST_SYNC_LOOKBACK_MS - 1);
    const items = [
      { createdAt: stuck, finished: false },
      { createdAt: t('2026-03-09T12:00:00Z'), finished: true },
    ];
    expect(resumeFrom(items, stuck, now)).toEqual(t('2026-03-09T12:00:00Z'));
  });

  it('names the item in a per-item error', () => {
    expect(itemError('PR #4', new Error('boom'))).toBe('PR #4: boom');
  });
});

import type { Tone } from '@/components/ui/status-badge';

/** Delivery outcomes and sync health words that the shared status map does not know. */
export const ADMIN_TONES: Record<string, Tone> = {
  applied: 'success',
  ignored: 'neutral',
  received: 'info',
  failed: 'danger',
  malformed: 'warning',
  ok: 'success',
  failing: 'danger',
  stale: 'warning',
  not_run: 'neutral',
  running: 'info',
  succeeded: 'success',
};

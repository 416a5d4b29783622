import { sentenceCase } from '@/lib/domain/sentence-case';

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'accent' | 'neutral';

/** Every status the board shows, as a word and a colour — never colour alone. */
const TONES: Record<string, Tone> = {
  // deployments
  ready: 'success',
  building: 'warning',
  queued: 'neutral',
  error: 'danger',
  canceled: 'neutral',
  // tests
  passed: 'success',
  failed: 'danger',
  flaky: 'warning',
  skipped: 'neutral',
  // uptime
  up: 'success',
  down: 'danger',
  degraded: 'warning',
  // pull requests
  open: 'success',
  closed: 'neutral',
  merged: 'accent',
  draft: 'neutral',
  // operations
  requested: 'warning',
  approved: 'info',
  running: 'info',
  succeeded: 'success',
  rejected: 'danger',
  // CI conclusions
  success: 'success',
  failure: 'danger',
  cancelled: 'neutral',
  timed_out: 'danger',
  in_progress: 'info',
  // environments
  active: 'success',
  deleted: 'neutral',
  expired: 'danger',
  expiring: 'warning',
};

export function toneOf(status: string): Tone {
  return TONES[status] ?? 'neutral';
}

function label(status: string): string {
  return sentenceCase(status.replace(/_/g, ' '));
}

export function StatusBadge({
  status,
  tone,
  children,
}: {
  status: string;
  /** Overrides the tone the status would get, e.g. for a status-like word not in the map. */
  tone?: Tone;
  /** Overrides the displayed word; the status still picks the colour. */
  children?: React.ReactNode;
}) {
  // The coloured dot is the badge's ::before (globals.css): decoration, never read out.
  return (
    <span className={`badge badge-${tone ?? toneOf(status)}`} data-status={status}>
      {children ?? label(status)}
    </span>
  );
}

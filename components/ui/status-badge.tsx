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

const TONE_CLASSES: Record<Tone, { badge: string; dot: string }> = {
  success: { badge: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20', dot: 'bg-emerald-500' },
  warning: { badge: 'bg-amber-50 text-amber-800 ring-amber-600/25', dot: 'bg-amber-500' },
  danger: { badge: 'bg-red-50 text-red-800 ring-red-600/20', dot: 'bg-red-500' },
  info: { badge: 'bg-blue-50 text-blue-800 ring-blue-600/20', dot: 'bg-blue-500' },
  accent: { badge: 'bg-violet-50 text-violet-800 ring-violet-600/20', dot: 'bg-violet-500' },
  neutral: { badge: 'bg-zinc-100 text-zinc-700 ring-zinc-500/20', dot: 'bg-zinc-400' },
};

export function toneOf(status: string): Tone {
  return TONES[status] ?? 'neutral';
}

function label(status: string): string {
  const words = status.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
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
  const classes = TONE_CLASSES[tone ?? toneOf(status)];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${classes.badge}`}
      data-status={status}
    >
      <span aria-hidden="true" className={`size-1.5 shrink-0 rounded-full ${classes.dot}`} />
      {children ?? label(status)}
    </span>
  );
}

import type { ReactNode } from 'react';

/** A big figure with its label and an optional line of context under it. */
export function Stat({
  label,
  value,
  hint,
  tone = 'default',
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'default' | 'good' | 'warn' | 'bad';
  testId?: string;
}) {
  const valueTone = {
    default: 'text-ink',
    good: 'text-emerald-700',
    warn: 'text-amber-700',
    bad: 'text-red-700',
  }[tone];
  return (
    <div className="min-w-0" data-testid={testId}>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tracking-tight tabular sm:text-2xl ${valueTone}`}>
        {value}
      </dd>
      {hint ? <dd className="mt-0.5 text-xs text-muted">{hint}</dd> : null}
    </div>
  );
}

/** A row of stats as one description list. */
export function StatGrid({
  children,
  className = '',
}: {
  children: ReactNode;
  className?: string;
}) {
  return <dl className={`grid grid-cols-2 gap-4 sm:grid-cols-4 ${className}`}>{children}</dl>;
}

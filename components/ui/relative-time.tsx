import { exactTime, relativeTime } from '@/lib/format';

/**
 * "3 hr. ago" with the exact time on hover. A server component: the text is rendered once on
 * the server, so there is nothing for the browser to re-compute and no hydration mismatch.
 */
export function RelativeTime({
  date,
  now,
  className,
}: {
  date: Date | string | null | undefined;
  /** Defaults to the time of rendering; pass one instant to keep a page consistent. */
  now?: Date;
  className?: string;
}) {
  if (!date) return <span className="text-faint">—</span>;
  const instant = typeof date === 'string' ? new Date(date) : date;
  return (
    <time dateTime={instant.toISOString()} title={exactTime(instant)} className={className}>
      {relativeTime(instant, now)}
    </time>
  );
}

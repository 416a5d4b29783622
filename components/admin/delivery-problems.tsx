import Link from 'next/link';
import { Stat, StatGrid } from '@/components/ui/stat';
import { count } from '@/lib/format';

/** Failed and malformed deliveries, each linking to the list filtered to it. */
export function DeliveryProblems({ failed, malformed }: { failed: number; malformed: number }) {
  const link = (status: string, value: number) => (
    <Link href={`/deliveries?status=${status}`} className="hover:underline">
      {count(value)}
    </Link>
  );
  return (
    <StatGrid className="mb-4 rounded-lg border border-border bg-surface px-4 py-3">
      <Stat
        label="Failed"
        value={link('failed', failed)}
        hint="Retried with backoff, then left for a replay"
        tone={failed ? 'bad' : 'good'}
        testId="deliveries-failed"
      />
      <Stat
        label="Malformed"
        value={link('malformed', malformed)}
        hint="Bodies the board could not read"
        tone={malformed ? 'warn' : 'good'}
        testId="deliveries-malformed"
      />
    </StatGrid>
  );
}

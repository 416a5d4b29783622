import { RelativeTime } from '@/components/ui/relative-time';
import { type FreezeState, freezePhase } from '@/lib/domain/freeze';
import { exactTime } from '@/lib/format';

/**
 * Production's freeze window as a notice: while active, on every board page (who froze it, why,
 * until when); when upcoming, on production's page. Nothing when there is no window.
 */
export function FreezeNotice({
  production,
  now,
  show = 'active',
}: {
  production: FreezeState & { name: string };
  now: Date;
  /** Which phases this place shows: the board's banner only the active one. */
  show?: 'active' | 'any';
}) {
  const phase = freezePhase(production, now);
  if (phase === 'none' || (phase === 'upcoming' && show === 'active')) return null;
  const until = production.frozenUntil!;
  const who = production.frozenBy ? <> by @{production.frozenBy}</> : null;
  const why = production.freezeReason ? <>: “{production.freezeReason}”</> : null;
  if (phase === 'upcoming') {
    return (
      <div
        role="status"
        data-testid="freeze-upcoming"
        className="mb-6 rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900"
      >
        <p className="font-semibold">A freeze on {production.name} is scheduled</p>
        <p className="mt-1">
          From {exactTime(production.frozenFrom!)} (
          <RelativeTime date={production.frozenFrom} now={now} />) until {exactTime(until)}
          {who}
          {why}. Promotions are refused during it; rollbacks stay allowed.
        </p>
      </div>
    );
  }
  return (
    <div
      role="status"
      data-testid="freeze-banner"
      className="mb-6 rounded-lg border border-sky-400 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <p className="font-semibold">
        {production.name} is frozen until {exactTime(until)} (
        <RelativeTime date={until} now={now} />)
      </p>
      <p className="mt-1">
        Frozen{who}
        {why}. Promotions are refused until then; rollbacks stay allowed.
      </p>
    </div>
  );
}

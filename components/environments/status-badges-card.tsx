import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { BADGE_KINDS, BADGE_LABELS } from '@/lib/domain/badges';
import { BadgesSwitch, type BadgesSwitchState } from './badges-switch';

/**
 * For admins: the environment's status badges as a README would show them, each with the
 * Markdown to paste, and the project-wide switch that makes them public.
 */
export function StatusBadgesCard({
  slug,
  origin,
  badgesPublic,
  action,
}: {
  slug: string;
  /** The board's public origin, for absolute badge URLs. */
  origin: string;
  badgesPublic: boolean;
  action: (state: BadgesSwitchState, form: FormData) => Promise<BadgesSwitchState>;
}) {
  return (
    <Card title="Status badges" className="mb-6" testId="status-badges">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ul className="flex min-w-0 flex-col gap-3">
          {BADGE_KINDS.map((kind) => {
            const path = `/api/badges/${encodeURIComponent(slug)}/${kind}.svg`;
            const markdown = `![${BADGE_LABELS[kind]}](${origin}${path})`;
            return (
              <li key={kind} className="flex min-w-0 flex-col gap-1">
                {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route, drawn as a README would */}
                <img
                  src={path}
                  alt={`${BADGE_LABELS[kind]} badge`}
                  height={20}
                  className="h-5 w-fit"
                />
                <div className="flex min-w-0 items-center gap-2">
                  <code className="min-w-0 truncate rounded bg-subtle px-1.5 py-0.5 font-mono text-xs text-ink">
                    {markdown}
                  </code>
                  <CopyButton value={markdown} label={`${BADGE_LABELS[kind]} badge Markdown`} />
                </div>
              </li>
            );
          })}
        </ul>
        <BadgesSwitch badgesPublic={badgesPublic} action={action} />
      </div>
      <p className="mt-3 text-xs text-muted">
        Each badge also answers as shields.io endpoint JSON: use <code>.json</code> instead of{' '}
        <code>.svg</code>.
      </p>
    </Card>
  );
}

import type { Actor } from '@/lib/domain/actor';
import { ROLE_LABELS } from '@/lib/domain/roles';
import { Avatar } from './avatar';
import { RoleBadge } from './role-badge';
import { SignOutButton } from './sign-out-button';

/** Who is signed in, with what role, and the way out: the foot of the sidebar. */
export function UserMenu({ actor }: { actor: Actor }) {
  return (
    <section aria-label="Signed in as" data-testid="user-menu" className="flex flex-col gap-2">
      <div className="flex min-w-0 items-center gap-2.5">
        <Avatar name={actor.name} avatarUrl={actor.avatarUrl} />
        <div className="min-w-0">
          <p className="truncate text-sm font-medium text-ink" title={`@${actor.login}`}>
            {actor.name}
          </p>
          <RoleBadge role={actor.role} />
        </div>
      </div>
      <SignOutButton className="self-start" />
    </section>
  );
}

/**
 * The narrow-screen top bar's reminder of who is signed in: the avatar, the name for screen
 * readers. The full menu, with Sign out, is in the navigation menu there.
 */
export function CompactUserMenu({ actor }: { actor: Actor }) {
  return (
    <div className="flex items-center" data-testid="user-menu-compact">
      <span className="sr-only">
        Signed in as {actor.name}, {ROLE_LABELS[actor.role]}
      </span>
      <Avatar name={actor.name} avatarUrl={actor.avatarUrl} size="sm" />
    </div>
  );
}

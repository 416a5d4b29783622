import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import { ROLE_LABELS, type Role } from '@/lib/domain/roles';

const ROLE_TONES: Record<Role, Tone> = {
  admin: 'accent',
  release_manager: 'info',
  developer: 'success',
  viewer: 'neutral',
};

/** A role as its word and a colour. */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <StatusBadge status={role} tone={ROLE_TONES[role]}>
      {ROLE_LABELS[role]}
    </StatusBadge>
  );
}

import { FilterBar } from '@/components/ui/filter-bar';
import {
  OPERATION_KINDS,
  OPERATION_STATES,
  type OperationKind,
  type OperationState,
} from '@/lib/domain/audit';

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function AuditFilters({
  values,
  members,
  environments,
}: {
  values: {
    actor?: string;
    action?: OperationKind;
    environment?: string;
    outcome?: OperationState;
  };
  members: readonly { login: string; name: string }[];
  environments: readonly { slug: string; name: string; active: boolean }[];
}) {
  return (
    <FilterBar
      action="/audit"
      label="Filter the audit log"
      fields={[
        {
          type: 'select',
          name: 'actor',
          label: 'Actor',
          value: values.actor,
          allLabel: 'Anyone',
          options: members.map((member) => ({
            value: member.login,
            label: `${member.name} (@${member.login})`,
          })),
        },
        {
          type: 'select',
          name: 'action',
          label: 'Action',
          value: values.action,
          options: OPERATION_KINDS.map((value) => ({ value, label: capitalize(value) })),
        },
        {
          type: 'select',
          name: 'environment',
          label: 'Environment',
          value: values.environment,
          options: environments.map((env) => ({
            value: env.slug,
            label: env.active ? env.name : `${env.name} (deleted)`,
          })),
        },
        {
          type: 'select',
          name: 'outcome',
          label: 'Outcome',
          value: values.outcome,
          options: OPERATION_STATES.map((value) => ({ value, label: capitalize(value) })),
        },
      ]}
    />
  );
}

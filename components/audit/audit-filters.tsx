import { FilterBar } from '@/components/ui/filter-bar';
import { enumOptions, environmentField } from '@/components/ui/filter-fields';
import { AUDIT_ACTIONS, OPERATION_STATES } from '@/lib/domain/audit';
import type { AuditFilters as Filters } from '@/lib/filters/audit';
import type { IgnoredParam } from '@/lib/domain/search-params';

export function AuditFilters({
  values,
  members,
  environments,
  ignored,
}: {
  values: Filters;
  members: readonly { login: string; name: string }[];
  environments: readonly { slug: string; name: string; active: boolean }[];
  ignored: readonly IgnoredParam[];
}) {
  return (
    <FilterBar
      action="/audit"
      label="Filter the audit log"
      ignored={ignored}
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
          options: enumOptions(AUDIT_ACTIONS),
        },
        environmentField(values.environment, environments),
        {
          type: 'select',
          name: 'outcome',
          label: 'Outcome',
          value: values.outcome,
          options: enumOptions(OPERATION_STATES),
        },
      ]}
    />
  );
}

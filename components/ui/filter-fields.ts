import { sentenceCase } from '@/lib/domain/sentence-case';
import type { FilterField } from './filter-bar';

/** Select options for an enum's values, labelled as words: `ready` → `Ready`. */
export function enumOptions(values: readonly string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: sentenceCase(value) }));
}

/** The environment select that several lists share; deleted environments say so. */
export function environmentField(
  value: string | undefined,
  environments: readonly { slug: string; name: string; active: boolean }[],
): FilterField {
  return {
    type: 'select',
    name: 'environment',
    label: 'Environment',
    value,
    options: environments.map((env) => ({
      value: env.slug,
      label: env.active ? env.name : `${env.name} (deleted)`,
    })),
  };
}

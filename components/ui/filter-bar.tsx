'use client';

// A client boundary like the tables': the fields and their options reach the browser as data.
import Link from 'next/link';
import type { IgnoredParam, ParamMeaning } from '@/lib/domain/search-params';
import { FilterNotice } from './filter-notice';

export type FilterField =
  | {
      type: 'select';
      name: string;
      label: string;
      value?: string;
      /** The first option is "All" (empty value) unless `required`. */
      options: readonly { value: string; label: string }[];
      allLabel?: string;
      /** A choice is always made (a window of days): no "All", the options in their own order. */
      required?: boolean;
    }
  | { type: 'text'; name: string; label: string; value?: string; placeholder?: string }
  | { type: 'checkbox'; name: string; label: string; checked?: boolean; value?: string };

const controlClass =
  'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-ink shadow-xs focus-visible:outline-2 focus-visible:outline-accent';

/**
 * A plain GET form: filters live in the URL and work without JavaScript. `keep` carries
 * parameters that are not filters (e.g. the tab) through Apply and Clear; the cursor is dropped
 * because a new filter starts a new list. `ignored` are the URL's values the page could not apply:
 * named above the form, which shows what is applied instead; `meanings` names those that are not
 * fields of the form (a tab).
 */
export function FilterBar({
  action,
  fields,
  keep = {},
  label = 'Filters',
  ignored = [],
  meanings = {},
}: {
  action: string;
  fields: readonly FilterField[];
  keep?: Record<string, string | undefined>;
  label?: string;
  ignored?: readonly IgnoredParam[];
  meanings?: Record<string, ParamMeaning>;
}) {
  const kept = Object.entries(keep).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const clearHref = kept.length ? `${action}?${new URLSearchParams(kept).toString()}` : action;
  return (
    <>
      <FilterNotice ignored={ignored} meanings={{ ...fieldMeanings(fields), ...meanings }} />
      <FilterForm action={action} fields={fields} kept={kept} clearHref={clearHref} label={label} />
    </>
  );
}

/** A field's name in a sentence, and what an unusable value of it falls back to. */
function fieldMeanings(fields: readonly FilterField[]): Record<string, ParamMeaning> {
  return Object.fromEntries(
    fields.map((field) => [
      field.name,
      {
        label: field.type === 'checkbox' ? `"${field.label}" value` : field.label.toLowerCase(),
        instead:
          field.type === 'select'
            ? (field.allLabel ?? 'All').toLowerCase()
            : field.type === 'checkbox'
              ? `"${field.label}" off`
              : 'all',
      },
    ]),
  );
}

function FilterForm({
  action,
  fields,
  kept,
  clearHref,
  label,
}: {
  action: string;
  fields: readonly FilterField[];
  kept: [string, string][];
  clearHref: string;
  label: string;
}) {
  return (
    <form
      // The controls start from what is applied (default values): a new URL reached without a
      // full load (Clear, a tab) makes a new form, so they never keep a value no longer applied.
      key={fields
        .map((field) => (field.type === 'checkbox' ? field.checked : field.value))
        .join('|')}
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface px-3 py-2.5"
    >
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const id = `filter-${field.name}`;
        if (field.type === 'checkbox') {
          return (
            <label key={field.name} htmlFor={id} className="flex h-8 items-center gap-2 text-sm">
              <input
                id={id}
                type="checkbox"
                name={field.name}
                value={field.value ?? '1'}
                defaultChecked={field.checked}
                className="size-4 rounded border-border-strong accent-accent"
              />
              {field.label}
            </label>
          );
        }
        return (
          <div key={field.name} className="flex flex-col gap-1">
            <label htmlFor={id} className="text-xs font-medium text-muted">
              {field.label}
            </label>
            {field.type === 'select' ? (
              <select
                id={id}
                name={field.name}
                defaultValue={field.value ?? ''}
                className={controlClass}
              >
                {field.required ? null : <option value="">{field.allLabel ?? 'All'}</option>}
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type="text"
                name={field.name}
                defaultValue={field.value ?? ''}
                placeholder={field.placeholder}
                className={`${controlClass} w-44`}
              />
            )}
          </div>
        );
      })}
      <div className="ml-auto flex items-center gap-2">
        <Link
          href={clearHref}
          className="h-8 rounded-md px-3 text-sm leading-8 text-muted hover:bg-subtle hover:text-ink"
        >
          Clear
        </Link>
        <button
          type="submit"
          className="h-8 rounded-md bg-ink px-3 text-sm font-medium text-white shadow-xs hover:bg-zinc-700"
        >
          Apply
        </button>
      </div>
    </form>
  );
}

import type { ReactNode } from 'react';

/** Label/value pairs in two aligned columns, for the facts of one thing. */
export function DetailList({
  items,
}: {
  items: readonly { label: string; value: ReactNode; testId?: string }[];
}) {
  return (
    <dl className="grid grid-cols-[minmax(0,8rem)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
      {items.map((item) => (
        <div key={item.label} className="contents" data-testid={item.testId}>
          <dt className="text-muted">{item.label}</dt>
          <dd className="min-w-0 text-ink">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

import { CardSkeleton, Skeleton } from '@/components/ui/skeleton';

/** Placeholders in the shape of each overview widget, shown while its query runs. */

export function ReleaseSkeleton() {
  return (
    <>
      {['Production', 'Staging'].map((title) => (
        <CardSkeleton key={title} title={title} lines={5} />
      ))}
    </>
  );
}

export function FiguresSkeleton({ title, figures = 3 }: { title: string; figures?: number }) {
  return (
    <section
      className="flex flex-col rounded-lg border border-border bg-surface shadow-xs"
      aria-busy="true"
    >
      <header className="border-b border-border px-4 py-2.5">
        <h2 className="text-sm font-semibold">{title}</h2>
      </header>
      <div className="p-4">
        <span className="sr-only">Loading {title.toLowerCase()}…</span>
        <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${figures}, 1fr)` }}>
          {Array.from({ length: figures }, (_, index) => (
            <div key={index} className="flex flex-col gap-2">
              <Skeleton className="h-3 w-2/3" />
              <Skeleton className="h-7 w-full" />
            </div>
          ))}
        </div>
        <Skeleton className="mt-4 h-2 w-full" />
      </div>
    </section>
  );
}

export { CardSkeleton as ListSkeleton };

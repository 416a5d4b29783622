/** Grey blocks in the shape of what is loading; hidden from screen readers, which get the label. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-zinc-200/70 ${className}`} />;
}

export function CardSkeleton({
  title,
  lines = 4,
  className = '',
}: {
  title: string;
  lines?: number;
  className?: string;
}) {
  return (
    <section
      className={`flex flex-col rounded-lg border border-border bg-surface shadow-xs ${className}`}
      aria-busy="true"
    >
      <header className="border-b border-border px-4 py-2.5">
        <h2 className="text-sm font-semibold text-ink">{title}</h2>
      </header>
      <div className="flex flex-col gap-3 p-4">
        <span className="sr-only">Loading {title.toLowerCase()}…</span>
        {Array.from({ length: lines }, (_, index) => (
          <Skeleton key={index} className={`h-4 ${index % 3 === 2 ? 'w-2/3' : 'w-full'}`} />
        ))}
      </div>
    </section>
  );
}
